package briefing.enrich;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The hand-written scanner of {@link Evidence} finds exactly what the regular expressions it replaced found, in the same order. */
class EvidencePropertiesTest {
    private static final String BOLD_A = new String(Character.toChars(0x1D400)); // a capital letter outside the BMP

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> pieces = Arbitraries.of("1", "7", "22", "88", "340", "1,340", "1.340", "11.8", "11,8", "2023", "1999",
                "20", "19", "2100", "1234", "0", "007", "12345678901234567890123", ".", ",", "%", " %", " ", "  ", "\t", "\n",
                "\u00a0", "\u000b", "\r", "\f", "\u2003", "\u0663", "\uff13", "'", "’", "-", "_", "/", ":", "(", ")", "$",
                "John", "Kerry", "Dan", "Sullivan", "New", "York", "O'Brien", "Jean-Pierre", "McDonald", "A", "US", "IBM", "the", "met", "in", "và", "Việt", "Nam", "Đà", "Nẵng",
                "Hà", "Nội", "Nguyễn", "Phú", "Trọng", "Łódź", "Straße", "Ærø", "Ünal", "Zoë", "É", "é", "ñ", "Ñandú", "Σωκράτης",
                "中国", "\u0301", "a\u0301", BOLD_A, BOLD_A + "bc", "\uD800", "\uDC00", "http", "https", "://", "http://",
                "https://example.com/2023/Foo", "http://a.b/c?d=1,5%", "hhttps://x", "www.example.com", "h");
        // few pieces, so that the rare neighbours (a mark after a letter before a name, a digit of another script) meet often
        Arbitrary<String> names = Arbitraries.of("John", "Kerry", "O'Brien", "Đà", "Nẵng", "Ab", "x", "é", "_", "1", "\u0301",
                "\u0663", " ", "  ", "\n", "\r", "-", "'", "’", BOLD_A);
        Arbitrary<String> numbers = Arbitraries.of("1", "22", "340", "2023", "\u0663", "\uff13", ".", ",", "%", " ", "\r", "\f",
                "a", "É", "_", BOLD_A);
        return Arbitraries.oneOf(
                pieces.list().ofMaxSize(40).map(l -> String.join("", l)),
                names.list().ofMaxSize(12).map(l -> String.join("", l)),
                numbers.list().ofMaxSize(12).map(l -> String.join("", l)),
                pieces.list().ofMaxSize(25).map(l -> String.join(" ", l)),
                Arbitraries.strings().withChars("0123456789\u0663.,% \t\n\r\u00a0AaBbJjĐđẫỄ'’-_htps:/\u0301").ofMaxLength(80),
                Arbitraries.strings().all().ofMaxLength(60));
    }

    /** Neighbours too rare for the random texts to meet often; each decided a case while the scanner was written. */
    @Test
    void sameFeaturesOnRareNeighbours() {
        for (String text : List.of("é\u0301John Kerry", " \u0301John Kerry", "John\u0301Kerry Dan", "_John Kerry", "x-Ray Charles",
                "1John Kerry", BOLD_A + "12", BOLD_A + "bc Def", "Abc " + BOLD_A + "x", "Jean-Pierre x", "O' Brien Smith",
                "12.345.6", "1,2345", "1234,567", "7 %", "7\u00a0%", "7\r%", "https://x https:// http://y", "hhttps://x",
                "2023-2024", "19.5", "20.25", "2100", "0.5 %", "\u0663" + "22", "22\u0663")) {
            List<String> paragraphs = List.of(text);
            assertEquals(new ArrayList<>(RegexEvidence.of(paragraphs).features()),
                    new ArrayList<>(Evidence.of(paragraphs).features()), () -> "text: '" + text + "'");
        }
    }

    @Property(tries = 3000)
    void sameFeaturesAsTheRegularExpressions(@ForAll @From("texts") String text) {
        List<String> paragraphs = List.of(text);
        assertEquals(new ArrayList<>(RegexEvidence.of(paragraphs).features()), new ArrayList<>(Evidence.of(paragraphs).features()),
                () -> "text: '" + text + "'");
    }

    @Property(tries = 500)
    void sameFeaturesInTheSameOrderOverParagraphs(@ForAll @From("texts") String a, @ForAll @From("texts") String b,
                                                  @ForAll @From("texts") String c) {
        List<String> paragraphs = List.of(a, b, c);
        Evidence expected = RegexEvidence.of(paragraphs), actual = Evidence.of(paragraphs);
        assertEquals(new ArrayList<>(expected.features()), new ArrayList<>(actual.features()), () -> "paragraphs: " + paragraphs);
        assertEquals(expected.paragraphs(), actual.paragraphs());
        assertEquals(expected.length(), actual.length());
    }
}
