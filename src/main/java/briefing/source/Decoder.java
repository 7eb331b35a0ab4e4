package briefing.source;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

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
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            text = strictUtf8(bytes, 3);
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        } else {
            int nul = indexOf(bytes, (byte) 0);
            if (nul >= 0) {
                throw new DecodeException(lineAt(bytes, nul),
                        "binary data (a NUL byte at offset " + nul + "), not text; remove the file or save it as UTF-8 text");
            }
            text = strictUtf8(bytes, 0);
        }
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private static String strictUtf8(byte[] bytes, int offset) throws DecodeException {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        try {
            return d.decode(in).toString();
        } catch (CharacterCodingException e) {
            int bad = in.position();
            throw new DecodeException(lineAt(bytes, bad), "not valid UTF-8 (byte 0x"
                    + Integer.toHexString(bytes[Math.min(bad, bytes.length - 1)] & 0xFF) + " at offset " + bad
                    + "); re-save the file as UTF-8, e.g. iconv -f windows-1252 -t utf-8");
        }
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((b[i] & 0xFF) != prefix[i]) return false;
        return true;
    }

    private static int indexOf(byte[] b, byte v) {
        for (int i = 0; i < b.length; i++) if (b[i] == v) return i;
        return -1;
    }

    private static int lineAt(byte[] b, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, b.length); i++) if (b[i] == '\n') line++;
        return line;
    }
}
