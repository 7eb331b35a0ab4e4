package briefing.output;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** Render threads write pages at once: every file must land whole, in folders made once. */
class SiteWriterTest {
    @TempDir
    Path dir;

    @Test
    void pagesWrittenFromManyThreadsAllLandWithTheirBytes() throws Exception {
        Path out = dir.resolve("site");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (SiteWriter w = SiteWriter.open(out, List.of(), false)) {
            List<Future<?>> jobs = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                int n = i;
                // many pages share each new folder, so threads race to make it
                jobs.add(pool.submit(() -> {
                    w.write("t" + n % 7 + "/p" + n % 50 + "/a" + n + "/index.html", ("page " + n + " é").getBytes(StandardCharsets.UTF_8));
                    return null;
                }));
            }
            for (Future<?> f : jobs) f.get();
            w.commit();
            assertEquals(2000, w.written().size());
            assertEquals(2000, w.changed().size());
        } finally {
            pool.shutdown();
        }
        for (int n = 0; n < 2000; n++) {
            assertEquals("page " + n + " é", Files.readString(out.resolve("t" + n % 7 + "/p" + n % 50 + "/a" + n + "/index.html"), StandardCharsets.UTF_8));
        }
        assertEquals(2000, Files.readAllLines(out.resolve(SiteWriter.MANIFEST)).size());
    }

    @Test
    void twoThreadsWritingTheSamePathIsReportedOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        AtomicInteger refused = new AtomicInteger();
        try (SiteWriter w = SiteWriter.open(dir.resolve("site"), List.of(), false)) {
            List<Future<?>> jobs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                jobs.add(pool.submit(() -> {
                    try {
                        w.write("en/articles/same/index.html", new byte[] {'x'});
                    } catch (IOException e) {
                        assertTrue(e.getMessage().contains("two pages were written to the same path"), e.getMessage());
                        refused.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : jobs) f.get();
        } finally {
            pool.shutdown();
        }
        assertEquals(1, refused.get());
    }
}
