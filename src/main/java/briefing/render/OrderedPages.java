package briefing.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Renders pages on every core and hands them to one {@link PageSink} in the order they were
 * submitted, so the output never depends on thread timing. At most a few pages per core are
 * in flight: the caller blocks on the oldest before submitting more, which bounds memory.
 */
final class OrderedPages implements AutoCloseable {
    /** Renders one page's text; runs on a worker thread. */
    @FunctionalInterface
    interface Job {
        String render() throws RenderException, IOException;
    }

    private record Pending(String path, Future<String> text) {}

    private final PageSink sink;
    private final ExecutorService pool;
    private final int window;
    private final ArrayDeque<Pending> inFlight = new ArrayDeque<>();

    OrderedPages(PageSink sink, int threads) {
        this.sink = sink;
        this.window = threads * 4;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "render");
            t.setDaemon(true);
            return t;
        });
    }

    void submit(String path, Job job) throws RenderException, IOException {
        inFlight.add(new Pending(path, pool.submit(() -> {
            try {
                return job.render();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        })));
        while (inFlight.size() > window) writeOldest();
    }

    /** Writes every page still in flight. */
    void finish() throws RenderException, IOException {
        while (!inFlight.isEmpty()) writeOldest();
    }

    private void writeOldest() throws RenderException, IOException {
        Pending p = inFlight.poll();
        String text;
        try {
            text = p.text().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while rendering " + p.path(), e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RenderException r) throw r;
            if (c instanceof UncheckedIOException u) throw u.getCause();
            if (c instanceof RuntimeException r) throw r;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        }
        sink.write(p.path(), text);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
