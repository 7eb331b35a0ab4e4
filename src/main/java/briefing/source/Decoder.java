package briefing.source;

import briefing.lang.Nfc;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Turns a seed's bytes into normalized text, or explains why it cannot. */
final class Decoder {
    private Decoder() {}

    /** Thrown with a message that says what is wrong with the bytes and what to do. */
    static final class DecodeException extends Exception {
        final int line;

        DecodeException(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    static String decode(byte[] bytes) throws DecodeException {
        String text;
        int utf8 = -1; // where the UTF-8 text starts; -1 for UTF-16
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            text = strictUtf8(bytes, utf8 = 3);
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        } else {
            int bin = binaryAt(bytes);
            if (bin >= 0) {
                throw new DecodeException(lineAt(bytes, bin), "binary data (byte 0x" + Integer.toHexString(bytes[bin] & 0xFF)
                        + " at offset " + bin + "), not text; remove the file or save it as UTF-8 text");
            }
            text = strictUtf8(bytes, utf8 = 0);
        }
        if (text.indexOf('\r') >= 0) text = text.replace("\r\n", "\n").replace('\r', '\n');
        return utf8 >= 0 ? Nfc.of(text, bytes, utf8) : Nfc.of(text);
    }

    private static String strictUtf8(byte[] bytes, int offset) throws DecodeException {
        // the String constructor decodes with the JDK's fast path and marks bad bytes with U+FFFD;
        // only a text holding U+FFFD is decoded again, strictly, to tell a bad byte from a stated U+FFFD
        String fast = new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0) return fast;
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        try {
            return d.decode(in).toString();
        } catch (CharacterCodingException e) {
            int bad = in.position();
            String what = "not valid UTF-8 (byte 0x" + Integer.toHexString(bytes[Math.min(bad, bytes.length - 1)] & 0xFF)
                    + " at offset " + bad + ")";
            throw new DecodeException(lineAt(bytes, bad), switch (Legacy.guess(bytes, offset)) {
                case TCVN3 -> what + ", it looks like Vietnamese in TCVN3 (ABC); convert it: iconv -f TCVN5712-1 -t UTF-8 FILE";
                case VNI -> what + ", it looks like Vietnamese in VNI; convert it to Unicode with UniKey's converter "
                        + "(UniKey Toolkit: source VNI Windows, target Unicode) and save as UTF-8";
                case WINDOWS_1252 -> what + ", it looks like windows-1252; convert it: iconv -f windows-1252 -t UTF-8 FILE";
                case UNKNOWN -> what + "; re-save the file as UTF-8 in the editor that wrote it";
            });
        }
    }

    /**
     * Which legacy 8-bit encoding bytes that are not UTF-8 were most likely written in. The
     * file is refused either way, since a wrong guess would publish mojibake; the guess only
     * names the conversion to run.
     */
    enum Legacy {
        TCVN3, VNI, WINDOWS_1252, UNKNOWN;

        // TCVN3 puts common Vietnamese letters (ă â ê ô ơ ư đ, à ả ã á ạ, ằ ẳ ẵ ắ) at 0xA1-0xBE,
        // where windows-1252 has symbols (¡ © ª µ ¸...) that Western prose does not write right after a letter.
        // VNI writes a plain vowel followed by a separate mark byte: "Vieät" for "Việt".
        private static final String VNI_MARKS = "\u00F9\u00F8\u00FB\u00F5\u00EF\u00E2\u00E1\u00E0\u00E5\u00E3\u00E4\u00EA\u00E9\u00E8\u00FA\u00FC\u00EB"
                + "\u00D9\u00D8\u00DB\u00D5\u00CF\u00C2\u00C1\u00C0\u00C5\u00C3\u00C4\u00CA\u00C9\u00C8\u00DA\u00DC\u00CB";

        static Legacy guess(byte[] b, int offset) {
            int high = 0, tcvn = 0, vni = 0;
            boolean cp1252 = true;
            for (int i = offset; i < b.length; i++) {
                int c = b[i] & 0xFF;
                if (c < 0x80) continue;
                high++;
                if (c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D) cp1252 = false;
                int prev = i > offset ? b[i - 1] & 0xFF : ' ';
                boolean afterLetter = Character.isLetter(prev) || prev >= 0x80;
                if ((c <= 0xAE || c >= 0xB5 && c <= 0xB9 || c >= 0xBB && c <= 0xBE) && c >= 0xA1 && afterLetter) tcvn++;
                if ("aeouyAEOUY".indexOf(prev) >= 0 && VNI_MARKS.indexOf(c) >= 0) vni++;
            }
            if (tcvn >= 3 && tcvn * 10 >= high) return TCVN3;
            if (vni >= 3 && vni * 10 >= high * 4) return VNI;
            return cp1252 && high > 0 ? WINDOWS_1252 : UNKNOWN;
        }
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((b[i] & 0xFF) != prefix[i]) return false;
        return true;
    }

    /**
     * The offset of the first byte that text never holds (NUL, or a C0 control other than tab,
     * line feed, form feed, carriage return and escape), or -1.
     */
    private static int binaryAt(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            int c = b[i];
            if (c >= 0 && c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r' && c != 0x1B) return i;
        }
        return -1;
    }

    private static int lineAt(byte[] b, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, b.length); i++) if (b[i] == '\n') line++;
        return line;
    }
}
