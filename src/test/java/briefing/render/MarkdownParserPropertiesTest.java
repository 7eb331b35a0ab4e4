package briefing.render;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A body parsed the short way (no tables extension without a '|') renders and reads as with the extension. */
class MarkdownParserPropertiesTest {
    private static final Parser WITH_TABLES = Parser.builder(MarkdownParser.OPTIONS).build();

    @Property(tries = 3000)
    void parsesAsTheParserWithTables(@ForAll("markdown") String markdown) {
        Document expected = WITH_TABLES.parse(markdown);
        Document actual = Renderer.MARKDOWN.parse(markdown);
        assertEquals(Renderer.MARKDOWN_HTML.render(expected), Renderer.MARKDOWN_HTML.render(actual), markdown);
        assertEquals(MarkdownHtml.render(expected), MarkdownHtml.render(actual), markdown);
        assertEquals(text(expected), text(actual), markdown);
    }

    /** The search text of a document; Flexmark fails on some odd input (with assertions on), which must fail alike. */
    private static String text(Document doc) {
        try {
            return new TextCollectingVisitor().collectAndGetText(doc);
        } catch (AssertionError | RuntimeException e) {
            return "Flexmark failed: " + e;
        }
    }

    /** The Markdown of {@link MarkdownHtmlPropertiesTest}, most of it with its '|' taken out, and table rows of dashes and colons. */
    @Provide
    Arbitrary<String> markdown() {
        Arbitrary<String> any = new MarkdownHtmlPropertiesTest().markdown();
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, any.map(m -> m.replace("|", ""))),
                net.jqwik.api.Tuple.of(1, any.map(m -> m.replace("|", "") + "\n---\n:-:\n--- ---\n- - -\n")),
                net.jqwik.api.Tuple.of(1, any));
    }
}
