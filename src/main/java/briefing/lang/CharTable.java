package briefing.lang;

import java.util.Map;

/**
 * Values looked up by a range of a char array and its hash code, without making a string of
 * the range: for looking up each word of a text, where cutting every word out as a string was
 * most of the cost. Immutable.
 */
public final class CharTable<V> {
    private final char[][] keys;
    private final Object[] values;
    private final int mask;

    public CharTable(Map<String, V> entries) {
        int size = 2;
        while (size < entries.size() * 2) size <<= 1; // at most half full, so probes stay short
        keys = new char[size][];
        values = new Object[size];
        mask = size - 1;
        entries.forEach((k, v) -> {
            int slot = spread(k.hashCode()) & mask;
            while (keys[slot] != null) slot = (slot + 1) & mask;
            keys[slot] = k.toCharArray();
            values[slot] = v;
        });
    }

    /** The value of the key equal to {@code s[from, to)}, whose {@link String#hashCode} is {@code hash}; or null. */
    @SuppressWarnings("unchecked")
    public V get(char[] s, int from, int to, int hash) {
        int length = to - from;
        for (int slot = spread(hash) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
            char[] k = keys[slot];
            if (k.length == length && java.util.Arrays.equals(s, from, to, k, 0, length)) return (V) values[slot];
        }
        return null;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
