package briefing.render;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;

import java.util.List;

/**
 * Flexmark's parser for article bodies, with GFM tables. A body without a '|' cannot hold a
 * table, so it is parsed without the tables extension, whose processor was set up for every
 * body and looked at every paragraph; the document is the same either way. Thread-safe.
 */
final class MarkdownParser {
    /** The options both parsers and the HTML renderer share: raw HTML is kept, for the safelist to judge. */
    static final DataHolder OPTIONS = new MutableDataSet()
            .set(Parser.EXTENSIONS, List.of(TablesExtension.create()))
            .set(HtmlRenderer.ESCAPE_HTML, false)
            .toImmutable();

    private final Parser tables = Parser.builder(OPTIONS).build();
    private final Parser plain = Parser.builder(new MutableDataSet(OPTIONS).set(Parser.EXTENSIONS, List.of())).build();

    Document parse(String markdown) {
        return (markdown.indexOf('|') < 0 ? plain : tables).parse(markdown);
    }
}
