package briefing.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Writes one build's pages into a staging folder and swaps it in on {@link #commit()}.
 * A file whose bytes equal the previous build's is hard-linked from it instead of written,
 * so its modification time stays and rsync or a CDN upload moves only real changes.
 * Not thread-safe: one writer per build.
 */
public final class SiteWriter implements AutoCloseable {
    /** Lists every file the generator wrote, so later builds know what they own. */
    public static final String MANIFEST = ".briefing-manifest";

    private final Path out;
    private final Path staging;
    private final Set<String> written = new TreeSet<>();
    /** Folders made in the staging folder so far: one mkdir per folder, not one per file. */
    private final Set<Path> folders = new HashSet<>();
    /** False on a first build: there is nothing to compare with, so no file is looked up. */
    private final boolean hasPrevious;
    private int unchanged;
    private boolean committed;

    private SiteWriter(Path out, Path staging) {
        this.out = out;
        this.staging = staging;
        this.hasPrevious = Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Opens a writer for {@code out}, refusing folders it must not write to.
     *
     * @param protectedDirs folders that must never be the output or inside it (sources, templates)
     * @param force         accept an existing non-empty folder the generator did not create
     */
    public static SiteWriter open(Path out, List<Path> protectedDirs, boolean force) throws IOException, UnsafeOutputException {
        Path abs = out.toAbsolutePath().normalize();
        check(abs, protectedDirs);
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
                throw new UnsafeOutputException(out + ": output exists and is not a folder; choose another --out");
            }
            if (!force && !Files.exists(abs.resolve(MANIFEST)) && !isEmpty(abs)) {
                throw new UnsafeOutputException(out + ": output folder holds files briefing did not write; "
                        + "empty it, choose another --out, or pass --force to replace it");
            }
        }
        Path parent = abs.getParent();
        Files.createDirectories(parent);
        cleanStale(parent, abs.getFileName().toString());
        Path staging = Files.createTempDirectory(parent, "." + abs.getFileName() + ".tmp-");
        return new SiteWriter(abs, staging);
    }

    private static void check(Path abs, List<Path> protectedDirs) throws UnsafeOutputException, IOException {
        if (abs.getParent() == null) throw new UnsafeOutputException(abs + ": refusing to write the site to the file system root; choose another --out");
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath().normalize();
        if (abs.equals(home)) throw new UnsafeOutputException(abs + ": refusing to write the site to the home folder; choose another --out");
        if (abs.equals(cwd) || cwd.startsWith(abs)) throw new UnsafeOutputException(abs + ": refusing to write the site over the project folder; choose another --out such as site");
        for (Path p : protectedDirs) {
            Path pa = p.toAbsolutePath().normalize();
            if (abs.equals(pa) || abs.startsWith(pa) || pa.startsWith(abs)) {
                throw new UnsafeOutputException(abs + ": refusing to write the site into or over " + p + "; choose another --out such as site");
            }
            if (Files.exists(pa) && Files.exists(abs)) {
                Path ra = abs.toRealPath(), rp = pa.toRealPath();
                if (ra.equals(rp) || ra.startsWith(rp) || rp.startsWith(ra)) {
                    throw new UnsafeOutputException(abs + ": refusing to write the site into or over " + p + "; choose another --out such as site");
                }
            }
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    /** Removes staging folders that a killed build left behind. */
    private static void cleanStale(Path parent, String name) throws IOException {
        try (Stream<Path> s = Files.list(parent)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith("." + name + ".tmp-")
                    || p.getFileName().toString().equals("." + name + ".old")).toList()) {
                deleteTree(p);
            }
        }
    }

    /** Writes one file of the site. {@code path} is '/'-separated and must stay inside the site. */
    public void write(String path, String content) throws IOException {
        write(path, content.getBytes(StandardCharsets.UTF_8));
    }

    public void write(String path, byte[] bytes) throws IOException {
        Path target = resolve(path);
        if (!written.add(path)) throw new IOException(path + ": two pages were written to the same path; give one of the articles another slug");
        if (folders.add(target.getParent())) Files.createDirectories(target.getParent());
        Path previous = out.resolve(path);
        if (hasPrevious && Files.isRegularFile(previous, LinkOption.NOFOLLOW_LINKS) && Files.size(previous) == bytes.length
                && Arrays.equals(Files.readAllBytes(previous), bytes)) {
            try {
                Files.createLink(target, previous);
                unchanged++;
                return;
            } catch (UnsupportedOperationException | IOException e) {
                // no hard links here (another file system): copy and keep the time instead
                Files.copy(previous, target, StandardCopyOption.COPY_ATTRIBUTES);
                unchanged++;
                return;
            }
        }
        Files.write(target, bytes);
    }

    private Path resolve(String path) throws IOException {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains(":")) {
            throw new IOException(path + ": not a relative site path");
        }
        Path target = staging.resolve(path).normalize();
        if (!target.startsWith(staging) || target.equals(staging)) throw new IOException(path + ": escapes the output folder");
        for (String part : path.split("/")) {
            if (part.equals("..") || part.equals(".")) throw new IOException(path + ": escapes the output folder");
        }
        return target;
    }

    /** Files written so far, as site paths, sorted. */
    public Set<String> written() {
        return java.util.Collections.unmodifiableSet(written);
    }

    /** How many written files were byte-identical to the previous build's and kept as they were. */
    public int unchanged() {
        return unchanged;
    }

    /** Swaps the staged site in. Before this, the previous site is untouched. */
    public void commit() throws IOException {
        Files.writeString(staging.resolve(MANIFEST), String.join("\n", written) + "\n", StandardCharsets.UTF_8);
        Path old = out.resolveSibling("." + out.getFileName() + ".old");
        boolean hadOld = Files.exists(out);
        if (hadOld) {
            keepForeignFiles();
            move(out, old);
        }
        move(staging, out);
        committed = true;
        if (hadOld) deleteTree(old);
    }

    /** Files in the old site that the generator did not write (the user's CNAME, say) move to the new one. */
    private void keepForeignFiles() throws IOException {
        Path manifest = out.resolve(MANIFEST);
        Set<String> owned = new TreeSet<>();
        if (Files.exists(manifest)) owned.addAll(Files.readAllLines(manifest, StandardCharsets.UTF_8));
        owned.add(MANIFEST);
        List<Path> foreign = new ArrayList<>();
        try (Stream<Path> s = Files.walk(out)) {
            s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).forEach(p -> {
                String rel = out.relativize(p).toString().replace('\\', '/');
                if (!owned.contains(rel) && !written.contains(rel)) foreign.add(p);
            });
        }
        for (Path p : foreign) {
            Path target = staging.resolve(out.relativize(p));
            Files.createDirectories(target.getParent());
            Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    @Override
    public void close() {
        if (!committed) {
            try {
                deleteTree(staging);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return;
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
