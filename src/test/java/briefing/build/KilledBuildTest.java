package briefing.build;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A build killed while it writes (SIGKILL, no chance to clean up) leaves the previous site whole,
 * and the second JVM it builds in stops with it.
 */
class KilledBuildTest {
    @TempDir
    Path tmp;

    static String seed(int i, String word) {
        return "---\ntitle: Harbour report number " + i + "\ndate: 2024-10-" + String.format("%02d", 1 + i % 28) + "\n---\n"
                + ("Ships of line " + i + " brought " + word + " cargo to the port this week. ").repeat(12) + "\n\n"
                + ("The port authority said traffic on route " + i + " would " + word + " grow. ").repeat(12) + "\n";
    }

    @Test
    void aKilledBuildLeavesThePreviousSiteIntact() throws Exception {
        Path seeds = tmp.resolve("seeds"), site = tmp.resolve("site"), config = tmp.resolve("site.yml");
        Files.createDirectories(seeds);
        for (int i = 0; i < 200; i++) Files.writeString(seeds.resolve("report-" + i + ".en.md"), seed(i, "steady"));
        new Builder().build(new Builder.Options(seeds, site, Path.of("templates"), config, null, false));
        Map<String, byte[]> before = IncrementalBuildTest.files(site);
        for (int i = 0; i < 200; i++) Files.writeString(seeds.resolve("report-" + i + ".en.md"), seed(i, "record"));

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), "briefing.cli.Main",
                "build", "--source", seeds.toString(), "--out", site.toString(), "--config", config.toString(), "--clean")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("build.log").toFile()).start();
        Optional<Path> staging = Optional.empty();
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (staging.isEmpty() && p.isAlive() && System.nanoTime() < deadline) {
            try (Stream<Path> s = Files.list(tmp)) {
                staging = s.filter(d -> d.getFileName().toString().startsWith(".site.tmp-"))
                        .filter(d -> Files.isDirectory(d.resolve("en/articles"))).findFirst();
            }
            Thread.sleep(10);
        }
        assertTrue(p.isAlive(), "the build ended before it could be killed: " + Files.readString(tmp.resolve("build.log")));
        // the command started runs the build in a second JVM set up for a short run (Fork)
        List<ProcessHandle> builds = p.descendants().toList();
        assertEquals(1, builds.size(), "one second JVM builds");
        assertTrue(builds.get(0).info().commandLine().orElse("").contains(" -XX:TieredStopAtLevel=1 "),
                "the build runs with the C1 compiler alone: " + builds.get(0).info().commandLine());
        p.destroyForcibly().waitFor();
        for (ProcessHandle b : builds) b.onExit().get(10, TimeUnit.SECONDS);
        assertTrue(staging.isPresent(), "the build never started writing pages");

        Map<String, byte[]> after = IncrementalBuildTest.files(site);
        assertEquals(before.keySet(), after.keySet(), "the same files as before the killed build");
        for (String f : before.keySet()) assertArrayEquals(before.get(f), after.get(f), f + " changed");

        new Builder().build(new Builder.Options(seeds, site, Path.of("templates"), config, null, false));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(".site.old"), s.map(d -> d.getFileName().toString()).filter(n -> n.startsWith(".site.")).toList(),
                    "the next build removes what the killed one left, and keeps the site it replaced for the build after");
        }
        assertTrue(Files.readString(site.resolve("en/articles/harbour-report-number-7/index.html")).contains("record cargo"));
    }

    @Test
    void theCommandEndsWithTheBuildsExitCodeAndMessages() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), "briefing.cli.Main",
                "build", "--source", tmp.resolve("nowhere").toString(), "--out", tmp.resolve("site").toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, p.waitFor(), out);
        assertTrue(out.contains("nowhere: seeds folder not found"), out);
    }

    @Test
    void aBuildStartedWithAnotherCollectorRuns() throws Exception {
        Path seeds = tmp.resolve("seeds");
        Files.createDirectories(seeds);
        Files.writeString(seeds.resolve("report-1.en.md"), seed(1, "steady"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "briefing.cli.Main", "build", "--source", seeds.toString(), "--out", tmp.resolve("site").toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(Files.isRegularFile(tmp.resolve("site/en/articles/harbour-report-number-1/index.html")), out);
    }

    /** The machine's out-of-memory killer takes the build's JVM, not the one the shell started: the command says so. */
    @Test
    void aBuildKilledUnderTheCommandIsReported() throws Exception {
        Path seeds = tmp.resolve("seeds");
        Files.createDirectories(seeds);
        for (int i = 0; i < 200; i++) Files.writeString(seeds.resolve("report-" + i + ".en.md"), seed(i, "steady"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), "briefing.cli.Main",
                "build", "--source", seeds.toString(), "--out", tmp.resolve("site").toString())
                .redirectErrorStream(true).start();
        Optional<ProcessHandle> build = Optional.empty();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (build.isEmpty() && p.isAlive() && System.nanoTime() < deadline) {
            build = p.descendants().findFirst();
            Thread.sleep(10);
        }
        assertTrue(build.isPresent(), "no second JVM seen");
        build.get().destroyForcibly();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(137, p.waitFor(), out);
        assertTrue(out.contains("error: the build was killed (signal 9"), out);
    }
}
