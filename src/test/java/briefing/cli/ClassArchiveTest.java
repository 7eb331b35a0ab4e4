package briefing.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code java -jar briefing.jar build} keeps the classes its build loads beside the jar, and the
 * next build maps them from there instead of loading them from the jar again.
 */
class ClassArchiveTest {
    @TempDir
    Path tmp;

    @Test
    void theSecondBuildLoadsItsClassesFromTheArchiveTheFirstLeftBesideTheJar() throws Exception {
        Path jar = thinJar(tmp.resolve("app/briefing.jar"));
        Path seeds = tmp.resolve("seeds");
        Files.createDirectories(seeds);
        Files.writeString(seeds.resolve("report.en.md"), "---\ntitle: Harbour report\ndate: 2024-10-01\n---\n"
                + "Ships brought steady cargo to the port this week. ".repeat(20) + "\n");

        String first = build(jar, seeds, tmp.resolve("site1"));
        List<String> archives = besideJar(jar);
        assertEquals(1, archives.size(), "one archive beside the jar, nothing half-written: " + archives + "\n" + first);
        assertTrue(archives.get(0).matches("briefing\\.jar-\\w{8}-\\w{8}\\.jsa"), archives.toString());
        assertFalse(first.contains("cds"), "the archive is written without a word to the user: " + first);

        String second = build(jar, seeds, tmp.resolve("site2"), "-Xlog:class+load=info");
        assertTrue(second.contains("briefing.build.Builder source: shared objects file"), "the build's classes come from the archive:\n"
                + second.lines().filter(l -> l.contains("briefing.build.Builder")).toList());
        assertEquals(archives, besideJar(jar), "the archive is used as it is, not written again");

        // a new jar (mvn package again): its own archive, and the old one's is removed
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        build(jar, seeds, tmp.resolve("site3"));
        List<String> now = besideJar(jar);
        assertEquals(1, now.size(), now.toString());
        assertNotEquals(archives, now, "the archive of the earlier jar is gone");
    }

    @Test
    void aFailedBuildLeavesNoArchive() throws Exception {
        Path jar = thinJar(tmp.resolve("app/briefing.jar"));
        String out = build(jar, tmp.resolve("nowhere"), tmp.resolve("site"));
        assertTrue(out.contains("seeds folder not found"), out);
        assertEquals(List.of(), besideJar(jar), "a build that failed early loaded few classes: its archive is not kept");
    }

    private String build(Path jar, Path seeds, Path site, String... jvm) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(jvm));
        command.addAll(List.of("-jar", jar.toString(), "build", "--source", seeds.toString(), "--out", site.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8) + "\n(exit " + p.waitFor() + ")";
    }

    private static List<String> besideJar(Path jar) throws IOException {
        try (Stream<Path> s = Files.list(jar.getParent())) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("briefing.jar")).sorted().toList();
        }
    }

    /**
     * A jar of the compiled classes that names the dependencies' jars in its manifest: as {@code
     * java -jar} runs the packaged jar, with jars alone on the class path, which class sharing needs.
     */
    private static Path thinJar(Path jar) throws IOException {
        Path classes = Path.of("target/classes");
        List<String> deps = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (e.endsWith(".jar")) deps.add(Path.of(e).toAbsolutePath().toUri().toString());
        }
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Main.class.getName());
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", deps));
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                j.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, j);
                j.closeEntry();
            }
        }
        return jar;
    }
}
