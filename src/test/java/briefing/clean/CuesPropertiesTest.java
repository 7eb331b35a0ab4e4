package briefing.clean;

import briefing.lang.LanguageData;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@link Cues.Opening} offers a line every cue it opens with, in the order of the whole list;
 * {@link Cues#commentCount}, which skips lines without a digit, reads lines as it did.
 */
class CuesPropertiesTest {
    private static final LanguageData DATA = LanguageData.builtIn();
    private static final List<String> ROLES = List.of("source", "comments", "related", "caption", "byline", "posted", "views", "ads", "furniture");

    @Provide
    Arbitrary<List<String>> cueLists() {
        return Arbitraries.of(ROLES).map(role -> new ArrayList<>(DATA.cues(role))).flatMap(cues -> {
            cues.add("");
            cues.add("a");
            return Arbitraries.of(cues).list().uniqueElements().ofMaxSize(40)
                    .map(l -> l.stream().sorted((x, y) -> y.length() - x.length()).toList());
        });
    }

    @Provide
    Arbitrary<String> lines() {
        List<String> parts = new ArrayList<>(List.of("", " ", ": ", "x", "đ", "12", "(3)"));
        ROLES.forEach(r -> parts.addAll(DATA.cues(r)));
        return Arbitraries.of(parts).list().ofMaxSize(4).map(l -> String.join("", l));
    }

    @Property(tries = 3000)
    void offersEveryCueTheLineOpensWithInOrder(@ForAll @From("cueLists") List<String> cues, @ForAll @From("lines") String line) {
        List<String> expected = cues.stream().filter(line::startsWith).toList();
        assertEquals(expected, new Cues.Opening(cues).of(line).stream().filter(line::startsWith).toList(), line);
    }

    private static final Cues CUES = new Cues(DATA);
    private static final List<String> COMMENTS = DATA.cues("comments").stream()
            .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s)).toList();

    @Provide
    Arbitrary<String> commentLines() {
        List<String> parts = new ArrayList<>(List.of("", " ", ": ", "(", "[", "x", "đ", "1", "34", "٣", "(3)", "a.", "\u2028"));
        parts.addAll(DATA.cues("comments"));
        return Arbitraries.of(parts).list().ofMaxSize(8).map(l -> String.join("", l));
    }

    @Property(tries = 3000)
    void readsCommentCountersAsBefore(@ForAll @From("commentLines") String lower) {
        assertEquals(commentCount(lower), CUES.commentCount(lower), lower);
    }

    /** The code replaced, as it was. */
    private static String commentCount(String lower) {
        if (lower.length() > 80) return null;
        for (String c : COMMENTS) {
            int at = lower.indexOf(c);
            if (at < 0) continue;
            int end = at + c.length();
            boolean wordEnd = end == lower.length() || !Character.isLetter(lower.charAt(end));
            boolean numberBefore = at >= 2 && Character.isDigit(lower.charAt(at - 2)) && lower.charAt(at - 1) == ' ';
            boolean numberAfter = lower.substring(end).matches("[\\s:(\\[]*\\d+.*");
            if (wordEnd && (at == 0 || lower.charAt(at - 1) == ' ') && (numberBefore || numberAfter)) return c;
        }
        return null;
    }
}
