package briefing.model;

/** One unit of an article's body, in reading order, with the source line it came from. */
public record Block(Kind kind, String text, int line) {
    public enum Kind { PARAGRAPH, HEADING, CAPTION }
}
