package briefing.render;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

class PageJobsTest {
    @Test
    void everyPageReachesTheSinkOnceWithItsOwnTextWhateverTheRenderingTimes() throws Exception {
        Map<String, String> got = new ConcurrentHashMap<>();
        AtomicInteger twice = new AtomicInteger(), running = new AtomicInteger(), most = new AtomicInteger();
        try (PageJobs pages = new PageJobs((path, text) -> {
            if (got.put(path, new String(text, StandardCharsets.UTF_8)) != null) twice.incrementAndGet();
        }, 4)) {
            for (int i = 0; i < 200; i++) {
                int n = i;
                pages.submit("p" + n, () -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    java.util.concurrent.locks.LockSupport.parkNanos(ThreadLocalRandom.current().nextInt(3_000_000));
                    running.decrementAndGet();
                    return ("t" + n).getBytes(StandardCharsets.UTF_8);
                });
            }
            pages.finish();
        }
        Map<String, String> want = new TreeMap<>();
        for (int i = 0; i < 200; i++) want.put("p" + i, "t" + i);
        assertEquals(want, new TreeMap<>(got));
        assertEquals(0, twice.get());
        assertTrue(most.get() > 1, "pages were rendered one at a time");
    }

    @Test
    void theFirstSubmittedPagesErrorIsReportedEvenWhenALaterOneFailsFirst() {
        RenderException first = new RenderException("a.ftlh:3:5: template error (x); fix the template", null);
        RenderException later = new RenderException("b.ftlh:1:1: template error (y); fix the template", null);
        CountDownLatch laterFailed = new CountDownLatch(1);
        RenderException e = assertThrows(RenderException.class, () -> {
            try (PageJobs pages = new PageJobs((path, text) -> { }, 2)) {
                pages.submit("a", () -> {
                    while (laterFailed.getCount() > 0) java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
                    throw first;
                });
                pages.submit("b", () -> {
                    laterFailed.countDown();
                    throw later;
                });
                pages.finish();
            }
        });
        assertSame(first, e);
    }

    @Test
    void aWriteFailureStopsTheBuild() {
        IOException e = assertThrows(IOException.class, () -> {
            try (PageJobs pages = new PageJobs((path, text) -> {
                throw new IOException(path + ": disk full");
            }, 2)) {
                pages.submit("a", () -> new byte[0]);
                pages.finish();
            }
        });
        assertEquals("a: disk full", e.getMessage());
    }

    @Test
    void nothingIsWrittenAfterAFailedBuildClosesThePool() throws Exception {
        Map<String, byte[]> got = new ConcurrentHashMap<>();
        assertThrows(RenderException.class, () -> {
            try (PageJobs pages = new PageJobs(got::put, 2)) {
                pages.submit("bad", () -> {
                    throw new RenderException("bad.ftlh:1:1: template error; fix the template", null);
                });
                for (int i = 0; i < 6; i++) {
                    pages.submit("slow" + i, () -> {
                        java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
                        return new byte[0];
                    });
                }
                pages.finish();
            }
        });
        int afterClose = got.size();
        Thread.sleep(300);
        assertEquals(afterClose, got.size(), "a page was written after the build failed and closed its pool");
    }
}
