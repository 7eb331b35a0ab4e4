package briefing.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Renders pages on every core, each worker writing its page to the {@link PageSink} itself: the
 * thread that plans the site only submits, so on two cores it is not the one that also encodes
 * and writes every file. At most a few pages per core are in flight: the caller blocks on the
 * oldest before submitting more, which bounds memory, and a failure surfaces in the order the
 * pages were submitted, so the first error reported does not depend on thread timing.
 */
final class PageJobs implements AutoCloseable {
    /** Renders one page, as UTF-8; runs on a worker thread. */
    @FunctionalInterface
    interface Job {
        byte[] render() throws RenderException, IOException;
    }

    private final PageSink sink;
    private final ExecutorService pool;
    private final int window;
    private final ArrayDeque<Future<?>> inFlight = new ArrayDeque<>();

    PageJobs(PageSink sink, int threads) {
        this.sink = sink;
        this.window = threads * 4;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "render");
            t.setDaemon(true);
            return t;
        });
    }

    void submit(String path, Job job) throws RenderException, IOException {
        inFlight.add(pool.submit(() -> {
            try {
                sink.write(path, job.render());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        }));
        while (inFlight.size() > window) awaitOldest();
    }

    /** Asks the sink to keep a page unchanged; answered on the caller's thread, one at a time. */
    boolean keep(String path, java.util.List<?> inputs) throws IOException {
        return sink.keep(path, inputs);
    }

    /** The sink pages go to, for what it keeps besides pages. */
    PageSink sink() {
        return sink;
    }

    /** Waits for every page still in flight. */
    void finish() throws RenderException, IOException {
        while (!inFlight.isEmpty()) awaitOldest();
    }

    private void awaitOldest() throws RenderException, IOException {
        try {
            inFlight.poll().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while rendering", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RenderException r) throw r;
            if (c instanceof UncheckedIOException u) throw u.getCause();
            if (c instanceof RuntimeException r) throw r;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        }
    }

    @Override
    public void close() {
        // a failed build stops here: queued pages are dropped, and pages being written finish
        // before the caller discards the staging folder, so nothing is written into it afterwards
        pool.shutdownNow();
        try {
            pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
