package briefing.enrich;

import briefing.lang.Chars;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Language-independent evidence of what a text reports: its numbers (normalised across
 * number formats: {@code 1,340} and {@code 1.340} are both 1340, {@code 11.8} and
 * {@code 11,8} both 11.8), percentages, years, URLs and Latin-script names of two or more
 * capitalised words. Translations of one article share most of it; coverage of one event
 * by another outlet shares some.
 *
 * <p>Found by one hand-written pass over each paragraph's characters: regular expressions
 * for the three kinds tried a match at every position and were the largest single cost of
 * linking a site. The pass gives exactly what these expressions (Java 17's semantics) found,
 * each kind scanning on its own, so kinds may overlap ({@code 2023} inside a URL counts):
 * <pre>
 * number  (?&lt;![\p{L}\d])(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d+)?)(\s?%)?
 * URL     https?://\S+
 * name    \b\p{Lu}[\p{L}'’-]++(?:\s++\p{Lu}[\p{L}'’-]++)+
 * </pre>
 * {@code EvidencePropertiesTest} compares the two on random text.
 */
record Evidence(Set<String> features, int paragraphs, int length) {
    /** Chars up to here may be in a Latin name when they are no letter or are their own folded form. */
    private static final int LATIN_END = 0x24F;
    private static final boolean[] LATIN = latinTable();

    static Evidence of(List<String> paragraphs) {
        Set<String> f = new LinkedHashSet<>();
        // a paragraph's numbers come first, then its URLs, then its names, as the three scans gave them
        List<String> urls = new ArrayList<>(), names = new ArrayList<>();
        int length = 0;
        for (String p : paragraphs) {
            length += p.length();
            scan(p, f, urls, names);
            f.addAll(urls);
            f.addAll(names);
            urls.clear();
            names.clear();
        }
        return new Evidence(f, paragraphs.size(), length);
    }

    /** Where the next match of each kind may start: a kind never matches inside its own previous match. */
    private static void scan(String p, Set<String> numbers, List<String> urls, List<String> names) {
        // the loop reads every char from an array: a string's charAt checks its bounds and coder each time
        char[] chars = p.toCharArray();
        int n = chars.length;
        int numberFrom = 0, urlFrom = 0, nameFrom = 0;
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            if (c >= '0' && c <= '9') {
                if (i >= numberFrom && (i == 0 || !isLetterOrAsciiDigit(chars[i - 1]))) numberFrom = number(p, i, numbers);
            } else if (c == 'h') {
                if (i >= urlFrom) {
                    int end = url(p, i);
                    if (end > 0) {
                        urls.add("u" + p.substring(i, end));
                        urlFrom = end;
                    }
                }
            } else if (i >= nameFrom && c >= 'A' && (c <= 'Z' || c > 0x7F && mayBeCapital(c))) {
                int end = name(p, i, names);
                if (end > 0) nameFrom = end;
            }
        }
    }

    /** Past ASCII, a name starts only at a capital: most letters of Vietnamese text are looked at no further. */
    private static boolean mayBeCapital(char c) {
        return Character.isSurrogate(c) || Chars.isUppercaseLetter(c);
    }

    /** The lookbehind of the number expression looks at one char: the low half of a surrogate pair is no letter to it. */
    private static boolean isLetterOrAsciiDigit(char c) {
        return c >= '0' && c <= '9' || Chars.isLetter(c);
    }

    /** Adds the number starting at {@code start} (a digit not preceded by a letter or digit); returns where it ends. */
    private static int number(String p, int start, Set<String> out) {
        int n = p.length();
        int run = digits(p, start);
        int end = -1;
        if (run - start <= 3) {
            // thousands groups: a separator and exactly three digits, as often as they follow
            int e = run;
            while (e + 3 < n && isSeparator(p.charAt(e)) && isDigit(p.charAt(e + 1)) && isDigit(p.charAt(e + 2))
                    && isDigit(p.charAt(e + 3))) e += 4;
            if (e > run) end = e;
        }
        if (end < 0) {
            end = run;
            if (end + 1 < n && isSeparator(p.charAt(end)) && isDigit(p.charAt(end + 1))) end = digits(p, end + 1);
        }
        String number = normalise(p.substring(start, end));
        int after = end;
        if (after < n && isSpace(p.charAt(after)) && after + 1 < n && p.charAt(after + 1) == '%') after += 2;
        else if (after < n && p.charAt(after) == '%') after += 1;
        if (number != null) {
            if (after > end) out.add("%" + number);
            else if (isYear(number)) out.add("y" + number);
            else if (number.length() > 1) out.add("n" + number); // single digits say nothing
        }
        return after;
    }

    private static int digits(String p, int from) {
        int i = from;
        while (i < p.length() && isDigit(p.charAt(i))) i++;
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isSeparator(char c) {
        return c == '.' || c == ',';
    }

    /** The expressions' {@code \s}: ASCII white space only. */
    private static boolean isSpace(char c) {
        return c == ' ' || c >= '\t' && c <= '\r';
    }

    private static boolean isYear(String n) {
        return n.length() == 4 && (n.startsWith("19") || n.startsWith("20")) && isDigit(n.charAt(2)) && isDigit(n.charAt(3));
    }

    /** The end of the URL starting at {@code start}, or -1 when none starts there. */
    private static int url(String p, int start) {
        if (!p.startsWith("http", start)) return -1;
        int i = start + 4;
        if (p.startsWith("s://", i)) i += 4;
        else if (p.startsWith("://", i)) i += 3;
        else return -1;
        int end = i;
        while (end < p.length() && !isSpace(p.charAt(end))) end++;
        return end > i ? end : -1;
    }

    /**
     * Adds the name starting at {@code start} if a run of two or more capitalised words starts there
     * at a word boundary; returns where the run ends, or -1.
     */
    private static int name(String p, int start, List<String> out) {
        int cp = p.codePointAt(start);
        if (Character.getType(cp) != Character.UPPERCASE_LETTER || !wordBoundaryBefore(p, start)) return -1;
        int end = word(p, start);
        if (end < 0) return -1;
        int lastStart = start, lastEnd = end, prevStart = -1, prevEnd = -1;
        while (true) {
            int next = end;
            while (next < p.length() && isSpace(p.charAt(next))) next++;
            if (next == end) break;
            int wordEnd = word(p, next);
            if (wordEnd < 0) break;
            prevStart = lastStart;
            prevEnd = lastEnd;
            lastStart = next;
            lastEnd = wordEnd;
            end = wordEnd;
        }
        if (prevStart < 0) return -1;
        if (isLatin(p, start, end)) {
            // the run's last two words survive translation better than its head ("Senator Dan Sullivan")
            String two = p.substring(prevStart, prevEnd) + " " + p.substring(lastStart, lastEnd);
            out.add("a" + two.toLowerCase(Locale.ROOT));
        }
        return end;
    }

    /**
     * The end of the word at {@code i}: a capital letter and one or more letters, apostrophes or
     * hyphens; -1 when none starts there.
     */
    private static int word(String p, int i) {
        if (i >= p.length()) return -1;
        int cp = p.codePointAt(i);
        if (Character.getType(cp) != Character.UPPERCASE_LETTER) return -1;
        int end = i + Character.charCount(cp);
        int body = end;
        while (end < p.length()) {
            int c = p.codePointAt(end);
            if (!Character.isLetter(c) && c != '\'' && c != '’' && c != '-') break;
            end += Character.charCount(c);
        }
        return end > body ? end : -1;
    }

    /** Java 17's {@code \b} before a word character: the code point before is not a letter, digit or '_', nor a mark on one. */
    private static boolean wordBoundaryBefore(String p, int i) {
        if (i == 0) return true;
        int before = p.codePointBefore(i);
        if (isWord(before)) return false;
        return !(Character.getType(before) == Character.NON_SPACING_MARK && hasBaseCharacter(p, i - 1));
    }

    private static boolean isWord(int cp) {
        return cp == '_' || Character.isLetterOrDigit(cp);
    }

    /** As {@code java.util.regex}: a run of non-spacing marks ending at {@code i} sits on a letter or digit. */
    private static boolean hasBaseCharacter(String p, int i) {
        for (int x = i; x >= 0; x--) {
            int cp = p.codePointAt(x);
            if (Character.isLetterOrDigit(cp)) return true;
            if (Character.getType(cp) != Character.NON_SPACING_MARK) return false;
        }
        return false;
    }

    /** Latin script: letters up to U+024F that carry no diacritic (names with them are left to the other evidence). */
    private static boolean isLatin(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80 || !Character.isLetter(c)) continue;
            if (c > LATIN_END || !LATIN[c]) return false;
        }
        return true;
    }

    /** Folding one char goes through the normaliser, too slow to do for every letter of every name. */
    private static boolean[] latinTable() {
        boolean[] t = new boolean[LATIN_END + 1];
        for (char c = 0x80; c <= LATIN_END; c++) t[c] = Character.isLetter(c) && Slugger.fold(String.valueOf(c)).charAt(0) == c;
        return t;
    }

    private static String normalise(String n) {
        int last = Math.max(n.lastIndexOf('.'), n.lastIndexOf(','));
        String digits;
        if (last < 0) digits = n;
        else if (n.length() - last - 1 == 3) {
            // a separator followed by exactly three digits groups thousands, in either convention
            digits = n.replace(".", "").replace(",", "");
        } else {
            digits = n.substring(0, last).replace(".", "").replace(",", "") + "." + n.substring(last + 1);
        }
        try {
            double v = Double.parseDouble(digits);
            return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
