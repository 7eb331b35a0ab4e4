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
