package briefing.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The classes a build loads, kept beside the jar as a class-data sharing archive that the build's
 * JVM maps at start instead of reading, parsing and verifying them from the jar again: the five
 * seeds built in 1.30–1.40 s with it against 1.50–1.70 s without, 1,000 articles in 3.63–3.76 s
 * against 3.95–4.45 s (BENCHMARKS.md, session 11). The first build with a jar and a JVM writes
 * it as it exits (about a second, once); builds with another jar or JVM keep their own.
 */
final class ClassArchive {
    private final Path archive;
    /** Where this build writes the archive, or null when it maps the one there. */
    private final Path written;
    private final String prefix;

    private ClassArchive(Path archive, Path written, String prefix) {
        this.archive = archive;
        this.written = written;
        this.prefix = prefix;
    }

    /** The archive for this class path, or null when it has none: class sharing reads classes from jars only. */
    static ClassArchive of(String classPath) {
        if (classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) return null;
        Path jar = Path.of(classPath).toAbsolutePath();
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(jar, BasicFileAttributes.class);
        } catch (IOException e) {
            return null;
        }
        // the JVM refuses an archive of another JVM or of another jar: each is named after both
        String prefix = jar.getFileName() + "-" + hex(System.getProperty("java.home") + "\n" + System.getProperty("java.vm.version")) + "-";
        String name = prefix + hex(a.size() + "/" + a.lastModifiedTime().toMillis());
        Path archive = jar.resolveSibling(name + ".jsa");
        if (Files.isRegularFile(archive)) return new ClassArchive(archive, null, prefix);
        if (!Files.isWritable(jar.getParent())) return null;
        // a name of its own, so that two first builds at once do not write into one file
        return new ClassArchive(archive, jar.resolveSibling(name + "." + ProcessHandle.current().pid() + ".tmp"), prefix);
    }

    /** The second JVM's options. An archive it cannot use only costs the time it would have saved: not worth a warning. */
    List<String> options() {
        return List.of(written == null ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + written, "-Xlog:cds*=off");
    }

    /**
     * After the build: the archive it wrote is kept when the build succeeded (a failed one may
     * have loaded few of the classes), and archives of an earlier jar run by this JVM are removed.
     */
    void settle(boolean succeeded) {
        if (written == null) return;
        try {
            if (succeeded && Files.isRegularFile(written)) {
                Files.move(written, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                try (Stream<Path> s = Files.list(archive.getParent())) {
                    for (Path p : s.filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".jsa")).toList()) {
                        if (!p.equals(archive)) Files.deleteIfExists(p);
                    }
                }
            }
            Files.deleteIfExists(written);
        } catch (IOException e) {
            // the next build writes it again
        }
    }

    private static String hex(String s) {
        CRC32C crc = new CRC32C();
        crc.update(s.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }
}
