package briefing.clean;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The shortcuts the cleaner takes on every line answer as the plain code they replace: white
 * space and word counting mostly without Character's tables, and the copyright and address
 * patterns tried only on lines that may hold them.
 */
class LineShortcutsPropertiesTest {
    /** Pieces of lines around what the shortcuts look at: white space of every kind, signs, addresses. */
    @Provide
    Arbitrary<String> lines() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of("a", "W", "w", "www", "WWW.", ".", "..", ":", "://", "/", "http", "HTTPS", "com", "VN", ".Com",
                        "1", "20", "2024", "(c)", "(C)", "©", "copyright", "CopyRight", "copyrİght", "İ", "K", "Σ",
                        " ", "  ", "\t", "\n", "\u000B", "\f", "\r", "\u001C", "\u001F", "\u0085", "\u00A0", "\u2003", "\u3000",
                        "Việt", "ệ", "中文", "ひら", "—", "-", "_", "’"),
                Arbitraries.chars().map(String::valueOf));
        return piece.list().ofMaxSize(12).map(l -> String.join("", l));
    }

    @Test
    void whiteSpaceAsCharacterTellsItForEveryChar() {
        for (int i = 0; i <= Character.MAX_VALUE; i++) {
            char c = (char) i;
            assertEquals(Character.isWhitespace(c), TextCleaner.whitespace(c), "U+" + Integer.toHexString(i));
            if (c > ' ' && c < TextCleaner.FIRST_WIDE_SPACE) assertFalse(Character.isWhitespace(c), "U+" + Integer.toHexString(i));
        }
    }

    @Property(tries = 3000)
    void wordsAsCountedWithCharacter(@ForAll("lines") String line) {
        assertEquals(plainWords(line), TextCleaner.words(line));
    }

    @Property(tries = 3000)
    void copyrightAsThePatternFindsIt(@ForAll("lines") String line) {
        assertEquals(TextCleaner.COPYRIGHT.matcher(line).find(), TextCleaner.copyright(line, Cues.lower(line)), line);
    }

    @Property(tries = 3000)
    void addressAsThePatternsFindIt(@ForAll("lines") String line) {
        assertEquals(TextCleaner.URL.matcher(line).find() || TextCleaner.DOMAIN_LINE.matcher(line).find(),
                TextCleaner.holdsAddress(line), line);
    }

    /** The count as it was written before its ASCII shortcut. */
    private static int plainWords(String text) {
        int words = 0, dense = 0;
        boolean in = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                in = false;
            } else {
                if (!in) words++;
                in = true;
                if (c >= 0x3040 && c <= 0x30FF || c >= 0x4E00 && c <= 0x9FFF) dense++;
            }
        }
        return words + dense / 2;
    }
}
