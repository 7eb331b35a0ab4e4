package briefing.search;

import briefing.lang.Nfc;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into search words the way {@code search.js} splits a query, so both sides
 * agree: letters, digits and combining marks make a word, anything else separates words
 * (so "Nội," is "nội"). A word is kept lower case as written; {@link #fold} gives the form
 * without diacritics, with {@code đ} as {@code d}, which is what Vietnamese readers type.
 */
public final class Analyzer {
    /**
     * {@link #isWordPart} for every char below CJK (Latin, Vietnamese, marks, punctuation), asked
     * once: a word's chars were each a Unicode table lookup, the most of splitting a body.
     */
    private static final boolean[] WORD_PART = new boolean[0x3400];

    static {
        for (int c = 0; c < WORD_PART.length; c++) WORD_PART[c] = isWordPart(c);
    }

    private Analyzer() {}

    /** Lower case, diacritics removed, {@code đ} folded to {@code d}. */
    public static String fold(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        if (isAscii(lower)) return lower;
        String nfd = Normalizer.normalize(lower, Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(nfd.length());
        for (int i = 0; i < nfd.length(); ) {
            int c = nfd.codePointAt(i);
            i += Character.charCount(c);
            if (isMark(c)) continue;
            sb.appendCodePoint(c == 'đ' ? 'd' : c);
        }
        return sb.toString();
    }

    /**
     * The words of {@code text}, lower case, in order. Words in {@code stopwords} (compared
     * lower case) are left out; pass an empty set to keep every word.
     */
    public static List<String> words(String text, Set<String> stopwords) {
        // lower-casing the whole text once gives the same words: the lower case of a letter is a letter or mark
        // read from an array: a string's charAt checks its bounds and its coder every time
        char[] s = Nfc.of(text).toLowerCase(Locale.ROOT).toCharArray();
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0, n = s.length; i < n; ) {
            char ch = s[i];
            int c = ch < Character.MIN_SURROGATE ? ch : Character.codePointAt(s, i);
            boolean inWord = c < WORD_PART.length ? WORD_PART[c] : isWordPart(c);
            if (inWord && start < 0) start = i;
            if (!inWord && start >= 0) {
                add(out, new String(s, start, i - start), stopwords);
                start = -1;
            }
            i += Character.charCount(c);
        }
        if (start >= 0) add(out, new String(s, start, s.length - start), stopwords);
        return out;
    }

    private static void add(List<String> out, String word, Set<String> stopwords) {
        if (!stopwords.contains(word)) out.add(word);
    }

    /** {@code [\p{L}\p{N}\p{M}]}, as in search.js. */
    private static boolean isWordPart(int c) {
        if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
        if (Character.isLetter(c) || isMark(c)) return true;
        int t = Character.getType(c);
        return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER;
    }

    private static boolean isMark(int c) {
        int t = Character.getType(c);
        return t == Character.NON_SPACING_MARK || t == Character.ENCLOSING_MARK || t == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 0x80) return false;
        return true;
    }
}
