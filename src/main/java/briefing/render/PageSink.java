package briefing.render;

import java.io.IOException;

/**
 * Receives rendered pages. Implementations decide where they go. {@link #write} is called from
 * several render threads at once (each path once); {@link #keep} from one thread at a time.
 */
@FunctionalInterface
public interface PageSink {
    /**
     * @param path    the page's path inside the site, '/'-separated, never starting with '/'
     * @param content the page, as UTF-8
     */
    void write(String path, byte[] content) throws IOException;

    /**
     * Offered before rendering a page whose content follows from {@code inputs} (articles,
     * parallels) plus the templates and settings: true means the sink kept the previous build's
     * page, unchanged, and the renderer skips it.
     */
    default boolean keep(String path, java.util.List<?> inputs) throws IOException {
        return false;
    }

    /**
     * What the renderer derived from {@code a}'s body in an earlier build of the same article and
     * offered to {@link #remember}: in a new process, finding it again meant reading every
     * article's body for the search index. Null when not kept. Any thread.
     */
    default byte[] recall(briefing.model.Article a) {
        return null;
    }

    /** Offers what the renderer derived from {@code a}'s body to later builds. Any thread. */
    default void remember(briefing.model.Article a, byte[] derived) {
    }
}
