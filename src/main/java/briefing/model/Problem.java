package briefing.model;

/**
 * One thing wrong with the input, positioned in a file, with what to do about it.
 * Printed as {@code file:line: message; advice}.
 */
public record Problem(Severity severity, String file, int line, String message, String advice) {
    public enum Severity { WARNING, ERROR }

    public static Problem warning(String file, int line, String message, String advice) {
        return new Problem(Severity.WARNING, file, line, message, advice);
    }

    public static Problem error(String file, int line, String message, String advice) {
        return new Problem(Severity.ERROR, file, line, message, advice);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line : file;
        return where + ": " + message + (advice == null || advice.isEmpty() ? "" : "; " + advice);
    }
}
