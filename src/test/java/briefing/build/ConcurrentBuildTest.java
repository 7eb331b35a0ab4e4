package briefing.build;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A build started while another process builds the same output folder (a {@code build} run
 * while {@code watch} rebuilds) waits for it, and both succeed. Before, the second one deleted the
 * first one's staging folder as a killed build's leftover, and both failed.
 */
class ConcurrentBuildTest {
    @TempDir
    Path tmp;

    @Test
    void aSecondBuildOfTheSameFolderWaitsForTheFirst() throws Exception {
        Path seeds = tmp.resolve("seeds"), site = tmp.resolve("site"), config = tmp.resolve("site.yml");
        Files.createDirectories(seeds);
        for (int i = 0; i < 200; i++) Files.writeString(seeds.resolve("report-" + i + ".en.md"), KilledBuildTest.seed(i, "steady"));
        // a site and a cache first, and this JVM warm: then this build reaches the output folder
        // while the other, in a new JVM cleaning every edited seed again, is still staging
        Builder.Options options = new Builder.Options(seeds, site, Path.of("templates"), config, null, false);
        new Builder().build(options);
        for (int i = 0; i < 200; i++) Files.writeString(seeds.resolve("report-" + i + ".en.md"), KilledBuildTest.seed(i, "record"));

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process other = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), "briefing.cli.Main",
                "build", "--source", seeds.toString(), "--out", site.toString(), "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("other.log").toFile()).start();
        boolean staging = false;
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!staging && other.isAlive() && System.nanoTime() < deadline) {
            try (Stream<Path> s = Files.list(tmp)) {
                staging = s.anyMatch(d -> d.getFileName().toString().startsWith(".site.tmp-") && Files.isDirectory(d.resolve("en")));
            }
            Thread.sleep(5);
        }
        assertTrue(staging && other.isAlive(), "the other build ended before this one began: " + Files.readString(tmp.resolve("other.log")));

        AtomicReference<Path> waitedFor = new AtomicReference<>();
        BuildReport r = new Builder().whenWaiting(waitedFor::set).build(options);
        assertEquals(0, other.waitFor(), "the other build succeeded: " + Files.readString(tmp.resolve("other.log"), StandardCharsets.UTF_8));
        assertEquals(site, waitedFor.get(), "this build was told it waits for the other");
        assertFalse(r.hasErrors());
        assertEquals(200, r.articles());

        Path clean = tmp.resolve("clean");
        new Builder().build(new Builder.Options(seeds, clean, Path.of("templates"), config, null, false, tmp.resolve("clean-cache"), true));
        Map<String, byte[]> expected = IncrementalBuildTest.files(clean), actual = IncrementalBuildTest.files(site);
        assertEquals(expected.keySet(), actual.keySet());
        for (String f : expected.keySet()) assertArrayEquals(expected.get(f), actual.get(f), f);
    }
}
