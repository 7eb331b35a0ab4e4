package briefing.lang;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** {@link Nfc#of} gives what the normalizer gives, though it asks it only about some texts. */
class NfcTest {
    @Property(tries = 3000)
    void asTheNormalizer(@ForAll("texts") String text) {
        assertEquals(Normalizer.normalize(text, Normalizer.Form.NFC), Nfc.of(text), text);
    }

    @Property(tries = 3000)
    void fromUtf8AsTheNormalizer(@ForAll("texts") String text) {
        byte[] utf8 = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
        assertEquals(Normalizer.normalize(text, Normalizer.Form.NFC), Nfc.of(text, utf8, 3), text);
    }

    /** Read from UTF-8, every char is told composed alone or not as it is as a char. */
    @Test
    void everyCharFromUtf8AsTheChar() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (Character.isSurrogate((char) c)) continue;
            byte[] utf8 = String.valueOf((char) c).getBytes(StandardCharsets.UTF_8);
            assertEquals(Nfc.composedAlone((char) c), Nfc.composedAlone(utf8, 0), "U+" + Integer.toHexString(c));
        }
        assertFalse(Nfc.composedAlone("😀".getBytes(StandardCharsets.UTF_8), 0));
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of("a", " ", "\n", "Việt", "é", "e\u0301", "Vie\u0323\u0302t", "\u1EA0", "\u0302", "\u0340", "\u2000",
                "\u2126", "\u212B", "ơ", "\u0345", "–", "“", "€", "\u1100\u1161", "中", "😀", "\uFFFD", "ſ\u0307", "\u02FF", "\u1DFF", "\u1EFF", "\u1F00", "\u200F", "\u2027", "\u2028", "\u205E", "\u205F",
                "\u20BF", "\u20C0", "\u0800").list().ofMaxSize(12)
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
