package briefing.lang;

import java.text.Normalizer;

/** Text in Unicode normalization form C, asking the normalizer only about texts that may need it. */
public final class Nfc {
    private Nfc() {}

    /** {@code text} in NFC: itself when its chars are all {@link #composedAlone}. */
    public static String of(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            if (!composedAlone(text.charAt(i))) return Normalizer.normalize(text, Normalizer.Form.NFC);
        }
        return text;
    }

    /**
     * {@code text} in NFC, where {@code text} was decoded from the valid UTF-8 {@code utf8[from..]}
     * (its line ends may since have changed). The bytes are read rather than the text's chars,
     * as a byte is read faster than a string's char: a char below U+0300 is told by its first
     * byte, a Vietnamese letter (U+1E00–U+1EFF) or a dash or quote by its three.
     */
    public static String of(String text, byte[] utf8, int from) {
        return composedAlone(utf8, from) ? text : of(text);
    }

    /** Whether every char of the valid UTF-8 {@code b[from..]} is {@link #composedAlone}. */
    static boolean composedAlone(byte[] b, int from) {
        for (int i = from, n = b.length; i < n; ) {
            int c = b[i];
            if (c >= 0) {
                i++;
            } else if ((c &= 0xFF) >= 0xC2 && c <= 0xCB) {
                i += 2; // U+0080–U+02FF
            } else if ((c == 0xE1 || c == 0xE2) && i + 2 < n
                    && composedAlone((char) ((c & 0x0F) << 12 | (b[i + 1] & 0x3F) << 6 | b[i + 2] & 0x3F))) {
                i += 3; // U+1000–U+2FFF, as far as it is composed alone
            } else {
                return false;
            }
        }
        return true;
    }

    /**
     * A char that is in NFC and forms no other with a neighbour of the same kind: Latin letters
     * below the combining marks (U+0300), Latin Extended Additional (Vietnamese), dashes, quotes
     * and currency signs. A text of such chars alone is NFC; the normalizer costs a table lookup
     * per char there, for Vietnamese a tenth of loading a file. (NfcTest checks every pair.)
     */
    static boolean composedAlone(char c) {
        return c < 0x300 || c >= 0x1E00 && c <= 0x1EFF || c >= 0x2010 && c <= 0x2027 || c >= 0x2030 && c <= 0x205E
                || c >= 0x20A0 && c <= 0x20BF;
    }
}
