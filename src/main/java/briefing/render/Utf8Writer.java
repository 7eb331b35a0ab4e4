package briefing.render;

import java.io.Writer;
import java.util.Arrays;

/**
 * A page's text encoded to UTF-8 as the template writes it. Most of what a template writes is
 * ASCII, while nearly every page holds a few Vietnamese letters (the edition switch), which
 * made the whole page a two-byte string to grow, copy and encode again at the end; here each
 * piece is encoded once. The bytes are those of {@code text.getBytes(UTF_8)} for the text
 * written, a lone surrogate included (it becomes {@code '?'}). Not thread-safe.
 */
final class Utf8Writer extends Writer {
    private byte[] buf;
    private int size;
    /** A high surrogate at the end of the last write, waiting for its pair. */
    private char high;
    /** Where a written string's characters are copied to be encoded. */
    private char[] chars = new char[256];

    Utf8Writer(int capacity) {
        buf = new byte[capacity];
    }

    @Override
    public void write(char[] cbuf, int off, int len) {
        room(len * 3 + 4);
        int i = off, end = off + len;
        // the waiting high surrogate is settled here, so the loop asks only whether a char is ASCII
        while (high != 0 && i < end) put(cbuf[i++]);
        byte[] b = buf;
        int n = size;
        while (i < end) {
            char c = cbuf[i++];
            if (c < 0x80) {
                b[n++] = (byte) c;
                continue;
            }
            size = n;
            put(c);
            while (high != 0 && i < end) put(cbuf[i++]);
            n = size;
        }
        size = n;
    }

    @Override
    public void write(String s, int off, int len) {
        // copied into a reused buffer and encoded by the one loop: the copy costs less than the encoding
        if (chars.length < len) chars = new char[Math.max(len, 2 * chars.length)];
        s.getChars(off, off + len, chars, 0);
        write(chars, 0, len);
    }

    @Override
    public void write(int c) {
        room(4);
        put((char) c);
    }

    /** One character beyond ASCII, or any character after a waiting high surrogate; room is made. */
    private void put(char c) {
        if (high != 0) {
            char h = high;
            high = 0;
            if (Character.isLowSurrogate(c)) {
                int cp = Character.toCodePoint(h, c);
                buf[size++] = (byte) (0xF0 | cp >> 18);
                buf[size++] = (byte) (0x80 | cp >> 12 & 0x3F);
                buf[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
                buf[size++] = (byte) (0x80 | cp & 0x3F);
                return;
            }
            buf[size++] = '?';
        }
        if (c < 0x80) {
            buf[size++] = (byte) c;
        } else if (c < 0x800) {
            buf[size++] = (byte) (0xC0 | c >> 6);
            buf[size++] = (byte) (0x80 | c & 0x3F);
        } else if (Character.isHighSurrogate(c)) {
            high = c;
        } else if (Character.isLowSurrogate(c)) {
            buf[size++] = '?';
        } else {
            buf[size++] = (byte) (0xE0 | c >> 12);
            buf[size++] = (byte) (0x80 | c >> 6 & 0x3F);
            buf[size++] = (byte) (0x80 | c & 0x3F);
        }
    }

    private void room(int more) {
        if (buf.length - size < more) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
    }

    /** What was written, as UTF-8; a surrogate still waiting for its pair ends it as {@code '?'}. */
    byte[] toByteArray() {
        return high != 0 ? withUnpaired() : Arrays.copyOf(buf, size);
    }

    private byte[] withUnpaired() {
        byte[] out = Arrays.copyOf(buf, size + 1);
        out[size] = '?';
        return out;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
