package briefing.output;

/** The output folder is one the generator must not write to; the message says why and what to do. */
public final class UnsafeOutputException extends Exception {
    public UnsafeOutputException(String message) {
        super(message);
    }
}
