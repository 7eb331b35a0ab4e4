package briefing.render;

/** A template could not be read or run; the message names the template, line and column and what to do. */
public final class RenderException extends Exception {
    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
