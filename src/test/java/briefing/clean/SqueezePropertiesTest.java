package briefing.clean;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Site furniture is matched on lines squeezed by a loop; it must squeeze as the regular expression did. */
class SqueezePropertiesTest {
    @Property(tries = 3000)
    void sameAsTheRegularExpression(@ForAll("lines") String line) {
        assertEquals(line.strip().replaceAll("\\s+", " "), Cleaner.squeeze(line));
    }

    @Property(tries = 3000)
    void lengthIsTheSqueezedLinesUpToTheLimit(@ForAll("lines") String line, @ForAll("lines") String before,
                                              @ForAll @net.jqwik.api.constraints.IntRange(max = 20) int limit) {
        // the line measured where it stands in a text, between other lines
        String text = before + "\n" + line + "\nb c";
        int want = Cleaner.squeeze(line).length(), got = Cleaner.squeezedLength(text, before.length() + 1, before.length() + 1 + line.length(), limit);
        if (want <= limit) assertEquals(want, got);
        else org.junit.jupiter.api.Assertions.assertTrue(got > limit, got + " for a squeezed length of " + want);
    }

    /** Words and every kind of space: ASCII ones, no-break, ideographic, em space, zero-width. */
    @Provide
    Arbitrary<String> lines() {
        return Arbitraries.of("a", "Bình", "luận", "(0)", " ", "  ", "\t", "\n", "\r", "\u000B", "\f", "\u00A0",
                "\u3000", "\u2003", "\u200B", "\u001F").list().ofMaxSize(12).map(l -> String.join("", l));
    }
}
