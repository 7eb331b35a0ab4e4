package briefing.model;

import java.util.List;

/**
 * A seed file as read from disk: decoded, NFC-normalized, line endings made {@code \n},
 * with its front matter (if any) split off. {@code bodyStartLine} is the 1-based line of the
 * file where {@code body} begins, so later stages can point at file lines.
 */
public record RawDocument(String file, Format format, FrontMatter frontMatter, String body, int bodyStartLine) {

    /** The body's lines, in order; line {@code i} of the list is file line {@code bodyStartLine + i}. */
    public List<String> lines() {
        return List.of(body.split("\n", -1));
    }
}
