package briefing.lang;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.text.Normalizer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link Nfc#of} gives what the normalizer gives, though it asks it only about some texts. */
class NfcTest {
    @Property(tries = 3000)
    void asTheNormalizer(@ForAll("texts") String text) {
        assertEquals(Normalizer.normalize(text, Normalizer.Form.NFC), Nfc.of(text), text);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of("a", " ", "\n", "Việt", "é", "e\u0301", "Vie\u0323\u0302t", "\u1EA0", "\u0302", "\u0340", "\u2000",
                "\u2126", "\u212B", "ơ", "\u0345", "–", "“", "€", "\u1100\u1161", "中", "😀", "\uFFFD", "ſ\u0307").list().ofMaxSize(12)
                .map(parts -> String.join("", parts));
    }

    /** Each char {@link Nfc#composedAlone} admits is NFC alone, and next to any other of them. */
    @Test
    void charsComposedAloneStayAsTheyAreInAnyPair() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0xFFFF; c++) if (Nfc.composedAlone(c)) all.append(c);
        String chars = all.toString();
        for (int i = 0; i < chars.length(); i++) {
            StringBuilder pairs = new StringBuilder();
            for (int j = 0; j < chars.length(); j++) pairs.append(chars.charAt(i)).append(chars.charAt(j));
            String s = pairs.toString();
            assertEquals(s, Normalizer.normalize(s, Normalizer.Form.NFC), () -> "U+" + Integer.toHexString(s.charAt(0)));
        }
    }
}
