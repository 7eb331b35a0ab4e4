package briefing.render;

import com.vladsch.flexmark.util.ast.Document;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** An article's HTML is the bytes Flexmark's own renderer writes, whichever way it was made. */
class MarkdownHtmlPropertiesTest {
    @Property(tries = 5000)
    void anyMarkdownRendersAsFlexmarkDoes(@ForAll("markdown") String markdown) {
        Document doc = (Document) Renderer.MARKDOWN.parse(markdown);
        String fast = MarkdownHtml.render(doc);
        if (fast != null) assertEquals(Renderer.MARKDOWN_HTML.render(doc), fast, markdown);
    }

    /** Articles as the corpora write them take the short way, so the property above is not met by giving up. */
    @Property(tries = 300)
    void articleMarkdownTakesTheShortWay(@ForAll("articles") String markdown) {
        Document doc = (Document) Renderer.MARKDOWN.parse(markdown);
        String fast = MarkdownHtml.render(doc);
        assertNotNull(fast, markdown);
        assertEquals(Renderer.MARKDOWN_HTML.render(doc), fast, markdown);
    }

    /** Lines of Markdown syntax, odd whitespace, entities, escapes, raw HTML and links, in any mix. */
    @Provide
    Arbitrary<String> markdown() {
        // the rarer syntax mostly makes the fast path give up, so it is rarer here, for the rest to be checked often
        Arbitrary<String> token = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, Arbitraries.of("word", "Việt", "nước", "12", " ", "  ", "*", "**", "_", "__", "`", "``",
                        "\\", "\\*", "\\<", "&", "<", ">", "\"", "'", "[", "]", "(", ")", "](https://example.org/a?b=1&c=2)",
                        "](/a\\_b)", "#", "-", "1.", "\n", "  \n", "\\\n", "\t", "\u00a0", "\u3000")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("&amp;", "&#32;", "&nbsp;", "&bogus;", "<b>", "</b>", "<!-- c -->",
                        "](javascript:alert(1))", "](<x y>)", "](/a \"title\")", "[ref]", "[ref]: /u", "![img](/i.png)",
                        "<https://auto.link/>", "|", "~", "\r")));
        Arbitrary<String> lineStart = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(30, Arbitraries.of("", "# ", "## ", "#", "- ", "* ", "1. ", "  - ", "   1. ", " ", "\t")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("###### ", "+ ", "2. ", "3) ", "    ", "> ", "---", "***", "```", "~~~",
                        "| a | b |", "|---|---|", "- [ ] ")));
        Arbitrary<String> line = net.jqwik.api.Combinators.combine(lineStart, token.list().ofMaxSize(8))
                .as((s, t) -> s + String.join("", t));
        Arbitrary<String> gap = Arbitraries.of("\n", "\n", "\n\n", "\r\n", "\n   \n");
        return net.jqwik.api.Combinators.combine(line.list().ofMinSize(1).ofMaxSize(8), gap.list().ofMinSize(8).ofMaxSize(8))
                .as((lines, gaps) -> {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < lines.size(); i++) sb.append(lines.get(i)).append(gaps.get(i));
                    return sb.toString();
                });
    }

    /** Paragraphs, headings and lists of words with emphasis, code spans and web links. */
    @Provide
    Arbitrary<String> articles() {
        Arbitrary<String> word = Arbitraries.of("Hà", "Nội", "tăng", "24", "phần", "trăm", "R&D", "a<b", "\"quoted\"", "**18**", "*ý*",
                "`code`", "[báo cáo](https://example.org/vi/reports/2627)", "(x)", "đô-la.", "_nhấn_");
        Arbitrary<String> sentence = word.list().ofMinSize(1).ofMaxSize(10).map(w -> String.join(" ", w));
        Arbitrary<String> block = net.jqwik.api.Combinators.combine(Arbitraries.of("", "", "## ", "### ", "- ", "1. ", "*"),
                sentence.list().ofMinSize(1).ofMaxSize(3)).as((start, lines) -> switch (start) {
                    case "## ", "### " -> start + lines.get(0);
                    case "- ", "1. " -> start + String.join("\n" + start, lines);
                    case "*" -> "*Nguồn: " + lines.get(0) + "*";
                    default -> String.join("\n", lines);
                });
        return block.list().ofMinSize(1).ofMaxSize(6).map(b -> String.join("\n\n", b) + "\n");
    }
}
