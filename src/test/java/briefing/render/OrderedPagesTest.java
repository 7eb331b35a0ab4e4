package briefing.render;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

class OrderedPagesTest {
    @Test
    void pagesReachTheSinkInSubmissionOrderWhateverTheRenderingTimes() throws Exception {
        List<String> got = new ArrayList<>();
        AtomicInteger running = new AtomicInteger(), most = new AtomicInteger();
        try (OrderedPages pages = new OrderedPages((path, text) -> got.add(path + "=" + text), 4)) {
            for (int i = 0; i < 200; i++) {
                int n = i;
                pages.submit("p" + n, () -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    java.util.concurrent.locks.LockSupport.parkNanos(ThreadLocalRandom.current().nextInt(3_000_000));
                    running.decrementAndGet();
                    return "t" + n;
                });
            }
            pages.finish();
        }
        List<String> want = new ArrayList<>();
        for (int i = 0; i < 200; i++) want.add("p" + i + "=t" + i);
        assertEquals(want, got);
        assertTrue(most.get() > 1, "pages were rendered one at a time");
    }

    @Test
    void aTemplateErrorOnAWorkerReachesTheCallerAsItself() {
        RenderException boom = new RenderException("article.ftlh:3:5: template error (x); fix the template", null);
        RenderException e = assertThrows(RenderException.class, () -> {
            try (OrderedPages pages = new OrderedPages((path, text) -> { }, 2)) {
                pages.submit("a", () -> "ok");
                pages.submit("b", () -> {
                    throw boom;
                });
                pages.finish();
            }
        });
        assertSame(boom, e);
    }

    @Test
    void aWriteFailureStopsTheBuild() {
        IOException e = assertThrows(IOException.class, () -> {
            try (OrderedPages pages = new OrderedPages((path, text) -> {
                throw new IOException(path + ": disk full");
            }, 2)) {
                pages.submit("a", () -> "ok");
                pages.finish();
            }
        });
        assertEquals("a: disk full", e.getMessage());
    }
}
