package briefing.render;

import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.BulletListItem;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.OrderedListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.ParagraphItemContainer;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.parser.ListOptions;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.misc.CharPredicate;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import com.vladsch.flexmark.util.sequence.SubSequence;

/**
 * Flexmark's HTML for the Markdown most articles are made of (paragraphs, headings, lists,
 * emphasis, code spans and links), written straight into one buffer. Flexmark's own renderer
 * passes every character through its line-tracking appendable, which cost more than parsing;
 * this writes the same bytes for these nodes and gives up (null) on anything else, or on output
 * whose lines that appendable would have reshaped, so the caller renders those with Flexmark.
 * Thread-safe.
 */
final class MarkdownHtml {
    /** Characters of a text node that Flexmark resolves before escaping: backslash escapes, entities, carriage returns. */
    private static final CharPredicate RESOLVED = CharPredicate.anyOf("\\&\r");

    private final StringBuilder out = new StringBuilder();
    private final Document document;
    private final ListOptions lists;

    private MarkdownHtml(Document document) {
        this.document = document;
        this.lists = ListOptions.get(document);
    }

    /** The HTML Flexmark's renderer (with default options) writes for {@code document}, or null when this cannot tell. */
    static String render(Document document) {
        MarkdownHtml html = new MarkdownHtml(document);
        return html.blocks(document) && html.settled() ? html.out.toString() : null;
    }

    private boolean blocks(Node parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (!block(n)) return false;
        }
        return true;
    }

    private boolean block(Node n) {
        if (n instanceof Paragraph p) {
            if (!p.hasChildren()) return false;
            if (p.getParent() instanceof ParagraphItemContainer c && c.isParagraphWrappingDisabled(p, lists, document)) {
                return inlines(p);
            }
            return element("p", p);
        }
        if (n instanceof Heading h) return element("h" + h.getLevel(), h);
        if (n instanceof BulletList || n instanceof OrderedList) {
            // a list that starts at another number than 1 carries a start attribute
            if (n instanceof OrderedList o && o.getStartNumber() != 1) return false;
            String tag = n instanceof BulletList ? "ul" : "ol";
            line();
            out.append('<').append(tag).append('>');
            line();
            if (!blocks(n)) return false;
            line();
            out.append("</").append(tag).append('>');
            line();
            return true;
        }
        if (n instanceof BulletListItem || n instanceof OrderedListItem) {
            // a marker suffix is a task item's box, which this does not write
            BasedSequence suffix = ((ListItem) n).getMarkerSuffix();
            if (suffix.isNotNull() && !suffix.isEmpty()) return false;
            line();
            out.append("<li>");
            if (!blocks(n)) return false;
            out.append("</li>");
            line();
            return true;
        }
        return false;
    }

    /** A block of inline content on lines of its own, as Flexmark writes a paragraph or a heading. */
    private boolean element(String tag, Node n) {
        line();
        out.append('<').append(tag).append('>');
        if (!inlines(n)) return false;
        out.append("</").append(tag).append('>');
        line();
        return true;
    }

    private boolean inlines(Node parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (!inline(n)) return false;
        }
        return true;
    }

    private boolean inline(Node n) {
        if (n instanceof Text) {
            BasedSequence chars = n.getChars();
            if (chars.indexOfAny(RESOLVED) >= 0) text(Escaping.normalizeEOL(chars.unescape()));
            else text(string(chars));
            return true;
        }
        if (n instanceof TextBase) return inlines(n);
        if (n instanceof SoftLineBreak) {
            out.append('\n');
            return true;
        }
        if (n instanceof HardLineBreak) {
            out.append("<br />\n");
            return true;
        }
        if (n instanceof Emphasis) return wrapped(n, "em");
        if (n instanceof StrongEmphasis) return wrapped(n, "strong");
        if (n instanceof Code c) {
            out.append("<code>");
            text(Escaping.collapseWhitespace(c.getText(), true));
            out.append("</code>");
            return true;
        }
        if (n instanceof Link link) {
            String url = link.getUrl().toString();
            // a title becomes an attribute, and Flexmark drops links its suppressed pattern matches
            if (link.getTitle().isNotNull() || url.regionMatches(true, 0, "javascript:", 0, 11)) return false;
            out.append("<a href=\"").append(Escaping.escapeHtml(link.getUrl().unescape(), true)).append("\">");
            if (!inlines(n)) return false;
            out.append("</a>");
            return true;
        }
        return false;
    }

    private boolean wrapped(Node n, String tag) {
        out.append('<').append(tag).append('>');
        if (!inlines(n)) return false;
        out.append("</").append(tag).append('>');
        return true;
    }

    /** {@code s} escaped as Flexmark escapes text: {@code & < > "}. */
    private void text(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '&' || c == '<' || c == '>' || c == '"') {
                out.append(Escaping.escapeHtml(s, false));
                return;
            }
        }
        out.append(s);
    }

    /** The text of {@code s}; a plain slice of the parsed String is cut from it, not copied a char at a time. */
    private static String string(BasedSequence s) {
        return s instanceof SubSequence && s.getBase() instanceof String base
                ? base.substring(s.getStartOffset(), s.getEndOffset()) : s.toString();
    }

    /** Ends the line unless at the start of one, as Flexmark's {@code line()} does. */
    private void line() {
        int n = out.length();
        if (n > 0 && out.charAt(n - 1) != '\n') out.append('\n');
    }

    /**
     * Whether Flexmark's appendable would have written these lines as they are: it trims the
     * whitespace that starts a line and drops blank lines, which this writer does not do.
     */
    private boolean settled() {
        int n = out.length();
        if (n == 0) return false;
        for (int start = 0; start < n; ) {
            int end = out.indexOf("\n", start);
            if (end < 0) end = n;
            if (end == start || blank(out.charAt(start)) || blank(out.charAt(end - 1))) return false;
            start = end + 1;
        }
        return true;
    }

    private static boolean blank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
