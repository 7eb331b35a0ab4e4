package briefing.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into search tokens the way {@code search.js} splits a query, so both sides
 * agree: letters, digits and combining marks make a word, anything else separates words
 * (so "Nội," is "nội"); each token keeps its lower-cased form and a folded form without
 * diacritics, with {@code đ} as {@code d}, which is what Vietnamese readers type.
 */
public final class Analyzer {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}\\p{M}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** A word as written (lower case) and folded. */
    public record Token(String exact, String folded) {}

    private Analyzer() {}

    /** Lower case, diacritics removed, {@code đ} folded to {@code d}. */
    public static String fold(String s) {
        String nfd = Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return MARKS.matcher(nfd).replaceAll("").replace('đ', 'd');
    }

    /**
     * The tokens of {@code text}. Words in {@code stopwords} (compared lower case) are left
     * out; pass an empty set to keep every word.
     */
    public static List<Token> tokens(String text, Set<String> stopwords) {
        List<Token> out = new ArrayList<>();
        Matcher m = WORD.matcher(Normalizer.normalize(text, Normalizer.Form.NFC));
        while (m.find()) {
            String exact = m.group().toLowerCase(Locale.ROOT);
            if (!stopwords.contains(exact)) out.add(new Token(exact, fold(exact)));
        }
        return out;
    }
}
