package briefing.serve;

import briefing.build.Builder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code watch} on a real folder: what its events tell the builder keeps the site as a clean build would make it. */
class WatcherTest {
    @TempDir
    Path tmp;

    @Test
    void aFolderOfSeedsMovedAwayTakesItsArticlesWithIt() throws Exception {
        Path seeds = tmp.resolve("seeds"), site = tmp.resolve("site"), config = tmp.resolve("site.yml");
        Files.createDirectories(seeds.resolve("more"));
        Files.writeString(seeds.resolve("harbour.en.md"), """
                ---
                title: Da Nang opens a container harbour
                date: 2024-10-02
                ---
                The city of Da Nang opened a new container harbour on Tuesday, after four years of work.
                """);
        Files.writeString(seeds.resolve("more/port.en.md"), """
                ---
                title: A second port opens in Hai Phong
                date: 2024-10-11
                ---
                A second deep-water port opened in Hai Phong on Friday, after four years of work.
                """);
        Files.writeString(config, "baseUrl: https://example.org/\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream log = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (Watcher w = new Watcher(new Builder.Options(seeds, site, Path.of("templates"), config, null, false), log, () -> { })) {
            assertTrue(w.build(Set.of()), bytes.toString(StandardCharsets.UTF_8));
            assertTrue(hasPage(site, "a-second-port"));
            Thread t = new Thread(() -> {
                try {
                    w.run();
                } catch (InterruptedException e) {
                    // stopped
                }
            });
            t.setDaemon(true);
            t.start();
            Thread.sleep(300); // the watcher waits for its first event

            // the only event is the folder's own: it is no seed file, and no folder any more
            Files.move(seeds.resolve("more"), tmp.resolve("away"));
            awaitBuilds(bytes, 2);
            assertFalse(hasPage(site, "a-second-port"), "the moved article's page is gone\n" + bytes);

            Path harbour = seeds.resolve("harbour.en.md");
            Files.writeString(harbour, Files.readString(harbour).replace("Tuesday", "Wednesday"));
            awaitBuilds(bytes, 3);
            String out = bytes.toString(StandardCharsets.UTF_8);
            assertFalse(out.contains("cannot read") || out.lines().anyMatch(l -> l.startsWith("error")),
                    "no build reads a seed that is gone\n" + out);
        }
    }

    private static boolean hasPage(Path site, String slug) throws IOException {
        try (Stream<Path> s = Files.walk(site)) {
            return s.anyMatch(p -> p.toString().contains(slug));
        }
    }

    /** Waits until the log shows {@code n} builds done. */
    private static void awaitBuilds(ByteArrayOutputStream bytes, int n) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            String out = bytes.toString(StandardCharsets.UTF_8);
            if (out.split("rebuilt in", -1).length - 1 >= n) return;
            Thread.sleep(50);
        }
        throw new AssertionError("no build " + n + " within 10 s:\n" + bytes.toString(StandardCharsets.UTF_8));
    }
}
