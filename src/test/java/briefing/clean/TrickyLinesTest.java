package briefing.clean;

import briefing.model.Cleaned;
import briefing.model.Format;
import briefing.model.LineVerdict;
import briefing.model.RawDocument;
import briefing.source.SourceLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Lines that are easy to get wrong, each placed in a small copied page (menu, headline,
 * article, footer) and classified as an editor would: the examples live in
 * {@code clean/tricky-lines.tsv}, one a row, so new cases need no code.
 */
class TrickyLinesTest {
    private static final String HEADER = """
            Home
            World
            Business
            Sport
            Talks between the two neighbours resume after a week of delays
            """;
    private static final String[] PARAGRAPHS = {
        "Negotiators from both countries met again on Monday in the capital, the foreign ministry said in a statement.",
        "The talks had been suspended last week after a dispute over the agenda, which both sides blamed on the other.",
        "Officials said the new round would focus on trade, border crossings and the return of seized fishing boats.",
        "A spokesman for the ministry said the atmosphere was constructive and that a joint statement was expected.",
    };
    private static final String FOOTER = """
            Contact us
            Privacy policy
            """;

    @ParameterizedTest(name = "{0}: {1} ← {2}")
    @CsvFileSource(resources = "/clean/tricky-lines.tsv", delimiter = '\t', quoteCharacter = '\u0000')
    void lineGetsTheRoleAnEditorWouldGiveIt(String where, LineVerdict.Role expected, String line) {
        StringBuilder page = new StringBuilder(HEADER);
        for (int i = 0; i < PARAGRAPHS.length; i++) {
            page.append(PARAGRAPHS[i]).append('\n');
            if (where.equals("body") && i == 1) page.append(line).append('\n');
        }
        if (where.equals("after")) page.append(line).append('\n');
        page.append(FOOTER);
        RawDocument d = new SourceLoader(1 << 20).parse("example.txt", Format.TXT,
                page.toString().getBytes(StandardCharsets.UTF_8), new ArrayList<>());
        Cleaned c = SeedCleaningTest.CLEANER.clean(d, Set.of());
        LineVerdict v = c.verdicts().stream().filter(x -> x.text().equals(line)).findFirst().orElseThrow();
        assertEquals(expected, v.role(), v.reason());
        assertEquals("Talks between the two neighbours resume after a week of delays", c.title());
        assertEquals(PARAGRAPHS.length + (expected == LineVerdict.Role.CONTENT || expected == LineVerdict.Role.HEADING ? 1 : 0),
                c.paragraphs().size(), String.join("\n", c.paragraphs()));
    }
}
