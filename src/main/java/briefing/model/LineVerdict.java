package briefing.model;

/**
 * What the cleaner decided about one non-empty input line, and the signal that decided it.
 * Shown by {@code clean --explain}.
 */
public record LineVerdict(int line, String text, Role role, String reason) {
    public enum Role { TITLE, CONTENT, HEADING, CAPTION, METADATA, BOILERPLATE }
}
