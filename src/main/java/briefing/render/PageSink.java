package briefing.render;

import java.io.IOException;

/** Receives rendered pages. Implementations decide where they go; called from one thread at a time. */
@FunctionalInterface
public interface PageSink {
    /** @param path the page's path inside the site, '/'-separated, never starting with '/' */
    void write(String path, String content) throws IOException;
}
