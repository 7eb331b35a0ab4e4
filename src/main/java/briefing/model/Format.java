package briefing.model;

/** The kinds of seed file the generator reads, chosen by file extension. */
public enum Format {
    TXT, MARKDOWN, HTML;

    /** The format of a file name, or null when the generator does not read that kind. */
    public static Format of(String fileName) {
        String n = fileName.toLowerCase(java.util.Locale.ROOT);
        if (n.endsWith(".txt")) return TXT;
        if (n.endsWith(".md") || n.endsWith(".markdown")) return MARKDOWN;
        if (n.endsWith(".html") || n.endsWith(".htm")) return HTML;
        return null;
    }
}
