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

    /** The previous site is walked while the build renders: a file put in the site meanwhile must still move over. */
    @Test
    void filesAddedToTheSiteDuringABuildAreKept() throws Exception {
        Path out = dir.resolve("site");
        try (SiteWriter w = SiteWriter.open(out, List.of(), false)) {
            w.write("en/index.html", "one".getBytes(StandardCharsets.UTF_8));
            w.write("en/articles/a/index.html", "a".getBytes(StandardCharsets.UTF_8));
            w.commit();
        }
        try (SiteWriter w = SiteWriter.open(out, List.of(), false)) {
            w.write("en/index.html", "two".getBytes(StandardCharsets.UTF_8));
            Thread.sleep(300); // the walk of the previous site is over by now
            Files.writeString(out.resolve("CNAME"), "example.org");
            Files.writeString(out.resolve("en/articles/a/notes.txt"), "mine");
            Files.createDirectories(out.resolve("en/extra/deep"));
            Files.writeString(out.resolve("en/extra/deep/photo.txt"), "also mine");
            w.commit();
            assertEquals(List.of("en/articles/a/index.html"), List.copyOf(w.deleted()));
        }
        assertEquals("example.org", Files.readString(out.resolve("CNAME")));
        assertEquals("mine", Files.readString(out.resolve("en/articles/a/notes.txt")));
        assertEquals("also mine", Files.readString(out.resolve("en/extra/deep/photo.txt")));
        assertEquals("two", Files.readString(out.resolve("en/index.html")));
        assertFalse(Files.exists(out.resolve("en/articles/a/index.html")));
    }

    /** {@code watch}'s writer, when the output folder is made by someone else while its first build runs. */
    @Test
    void anOutputFolderMadeDuringAWatchedBuildKeepsItsFiles() throws Exception {
        Path out = dir.resolve("site");
        SiteWriter.Spare spare = new SiteWriter.Spare();
        try (SiteWriter w = SiteWriter.open(out, List.of(), false, spare, SiteWriter.survey(out, spare))) {
            w.write("en/index.html", "one".getBytes(StandardCharsets.UTF_8));
            Files.createDirectories(out);
            Files.writeString(out.resolve("CNAME"), "example.org");
            w.commit();
        }
        assertEquals("example.org", Files.readString(out.resolve("CNAME")));
        assertEquals("one", Files.readString(out.resolve("en/index.html")));
    }
}
