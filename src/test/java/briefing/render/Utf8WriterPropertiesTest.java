package briefing.render;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** A page written piece by piece must be the bytes the whole text would encode to. */
class Utf8WriterPropertiesTest {
    @Property(tries = 3000)
    void piecesEncodeAsTheWholeText(@ForAll("pieces") List<String> pieces, @ForAll("ways") List<Integer> ways) throws java.io.IOException {
        Utf8Writer w = new Utf8Writer(4);
        for (int i = 0; i < pieces.size(); i++) {
            String p = pieces.get(i);
            switch (ways.isEmpty() ? 0 : ways.get(i % ways.size())) {
                case 0 -> w.write(p);
                case 1 -> w.write(p.toCharArray());
                case 2 -> w.write(("<" + p + ">").toCharArray(), 1, p.length());
                default -> p.chars().forEach(w::write);
            }
        }
        assertArrayEquals(String.join("", pieces).getBytes(StandardCharsets.UTF_8), w.toByteArray());
    }

    /** ASCII, Vietnamese, CJK, emoji split across pieces, and lone surrogates of both kinds. */
    @Provide
    Arbitrary<List<String>> pieces() {
        Arbitrary<String> piece = Arbitraries.of("a", "<p>", " ", "ệ", "Việt", "é", "中", "😀", "\uD83D", "\uDE00", "\u007F",
                "\u0080", "\u07FF", "\u0800", "\uFFFF", "").list().ofMaxSize(6).map(l -> String.join("", l));
        return piece.list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<List<Integer>> ways() {
        return Arbitraries.integers().between(0, 3).list().ofMaxSize(4);
    }
}
