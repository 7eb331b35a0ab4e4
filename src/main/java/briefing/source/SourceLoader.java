package briefing.source;

import briefing.model.Format;
import briefing.model.Problem;
import briefing.model.RawDocument;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads seed files into {@link RawDocument}s. Thread-safe. Files it cannot read become
 * problems; it never throws for bad content.
 */
public final class SourceLoader {
    private final long maxBytes;
    private final FrontMatterReader frontMatter = new FrontMatterReader();

    public SourceLoader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * The seed files under {@code dir}, sorted by path. Hidden folders (.git) are passed over
     * quietly; a hidden seed file and a symlink out of the folder are skipped with a warning.
     */
    public List<Path> list(Path dir, List<Problem> problems) throws IOException {
        Path root = dir.toRealPath();
        List<Path> out = new ArrayList<>();
        // walked from the real folder, so a seeds folder that is itself a symbolic link is entered;
        // the files are named under dir as given, which is how the build names its articles
        // the walk's own look at each entry tells what it is, so a file costs one look, not four: every
        // rebuild in watch lists the seeds
        Map<Path, BasicFileAttributes> entries = new TreeMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
                // a hidden folder (.git) is passed over whole
                return !d.equals(root) && d.getFileName().toString().startsWith(".") ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
                entries.put(file, a);
                return FileVisitResult.CONTINUE;
            }
        });
        for (Map.Entry<Path, BasicFileAttributes> entry : entries.entrySet()) {
            Path real = entry.getKey();
            BasicFileAttributes a = entry.getValue();
            Path relPath = root.relativize(real);
            Path p = dir.resolve(relPath.toString());
            if (a.isDirectory() || a.isSymbolicLink() && Files.isDirectory(p)) continue;
            String name = p.getFileName().toString();
            String rel = relPath.toString();
            if (name.startsWith(".")) {
                if (Format.of(name) != null) {
                    problems.add(Problem.warning(rel, 0, "hidden file (its name starts with '.')",
                            "rename it without the leading dot to publish it; it was skipped"));
                }
                continue;
            }
            if (Format.of(name) == null) {
                problems.add(Problem.warning(rel, 0, "not a seed file (.txt, .md or .html)", "it was skipped"));
                continue;
            }
            if (a.isSymbolicLink()) {
                Path target;
                try {
                    target = p.toRealPath();
                } catch (IOException e) {
                    problems.add(Problem.warning(rel, 0, "symbolic link to a missing file", "it was skipped"));
                    continue;
                }
                if (!target.startsWith(root)) {
                    problems.add(Problem.warning(rel, 0, "symbolic link pointing outside the seeds folder",
                            "copy the file into the seeds folder; the link was skipped"));
                    continue;
                }
            }
            if (a.isRegularFile() || a.isSymbolicLink()) out.add(p);
        }
        return out;
    }

    /** Loads one file; returns null (and adds a problem) when it cannot be used. */
    public RawDocument load(Path file, String id, List<Problem> problems) {
        Format format = Format.of(file.getFileName().toString());
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                problems.add(Problem.error(id, 0, "file is " + size + " bytes, over the limit of " + maxBytes,
                        "split it, or raise maxFileSize in site.yml"));
                return null;
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.add(Problem.error(id, 0, "cannot read file (" + e.getMessage() + ")", "check its permissions"));
            return null;
        }
        return parse(id, format, bytes, problems);
    }

    /** Decodes and splits {@code bytes}; returns null (and adds a problem) when they cannot be used. */
    public RawDocument parse(String id, Format format, byte[] bytes, List<Problem> problems) {
        String text;
        try {
            text = Decoder.decode(bytes);
        } catch (Decoder.DecodeException e) {
            problems.add(Problem.error(id, e.line, e.getMessage().split("; ", 2)[0],
                    e.getMessage().contains("; ") ? e.getMessage().split("; ", 2)[1] : ""));
            return null;
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        if (text.isBlank()) {
            problems.add(Problem.error(id, 0, "file is empty", "add the article text or remove the file"));
            return null;
        }
        FrontMatterReader.Split split = frontMatter.split(id, text, problems);
        return new RawDocument(id, format, split.frontMatter(), split.body(), split.bodyStartLine());
    }
}
