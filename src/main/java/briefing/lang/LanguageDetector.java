package briefing.lang;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tells the language of a text as a BCP-47 code. Clear cases are decided from cheap
 * evidence (the script, Vietnamese letters, stop words); only doubtful ones go to Lingua,
 * which is loaded once, on first need, restricted to the languages that have data.
 * Thread-safe.
 */
public final class LanguageDetector {
    /** The answer when the text gives too little evidence. */
    public static final String UNKNOWN = "und";
    /** The languages whose Lingua models the jar carries (see the shade filter in pom.xml). */
    static final java.util.Set<String> LINGUA = java.util.Set.of("en", "vi", "id", "de", "fr", "es", "pl", "it", "nl", "pt");

    /** Stop word → the indexes in {@link #stopwordLanguages} of the languages it belongs to. */
    private final CharTable<int[]> stopwords;
    private final List<String> stopwordLanguages;
    private final List<String> languages;
    /** The longest stop word, in chars. */
    private final int longestStopword;
    private volatile com.github.pemistahl.lingua.api.LanguageDetector lingua;
    private final AtomicInteger linguaCalls = new AtomicInteger();
    /**
     * Lingua's answers for doubtful lines. Those are mostly a site's header and footer, the
     * same few lines in every file, and Lingua is the costliest step of cleaning a raw page.
     */
    private final Map<String, String> lineAnswers = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_LINE_ANSWERS = 100_000;

    public LanguageDetector(LanguageData data) {
        Map<String, List<String>> index = data.stopwordIndex();
        List<String> langs = new ArrayList<>();
        Map<String, int[]> byIndex = new HashMap<>();
        int longest = 0;
        for (Map.Entry<String, List<String>> e : index.entrySet()) {
            int[] ids = new int[e.getValue().size()];
            for (int i = 0; i < ids.length; i++) {
                String lang = e.getValue().get(i);
                if (!langs.contains(lang)) langs.add(lang);
                ids[i] = langs.indexOf(lang);
            }
            byIndex.put(e.getKey(), ids);
            longest = Math.max(longest, e.getKey().length());
        }
        this.stopwords = new CharTable<>(byIndex);
        this.stopwordLanguages = List.copyOf(langs);
        this.languages = List.copyOf(data.languages());
        this.longestStopword = longest;
    }

    /** How many texts were doubtful enough to need Lingua, for the build report and benchmarks. */
    public int linguaCalls() {
        return linguaCalls.get();
    }

    /** The language of an article-length text, or {@link #UNKNOWN}. */
    public String detect(String text) {
        String cheap = cheap(text, 3);
        if (cheap != null) return cheap;
        return text.length() < 20 ? UNKNOWN : lingua(text);
    }

    /**
     * The language of one line, or null when a line that short cannot tell. Never asks Lingua
     * about lines under four words: on those it guesses.
     */
    public String detectLine(String line) {
        String cheap = cheap(line, 2);
        if (cheap != null) return cheap;
        if (line.split("\\s+").length < 4) return null;
        String l = lineAnswers.get(line);
        if (l == null) {
            l = lingua(line);
            if (lineAnswers.size() < MAX_LINE_ANSWERS) lineAnswers.put(line, l);
        }
        return UNKNOWN.equals(l) ? null : l;
    }

    /**
     * The language of one line from cheap evidence alone (script, Vietnamese letters, stop
     * words), or null: for explaining a verdict already made, where Lingua's cost buys nothing.
     */
    public String detectLineCheaply(String line) {
        return cheap(line, 2);
    }

    private String cheap(String text, int minStopwords) {
        // read from an array: a string's charAt checks its bounds and its coder every time
        char[] t = text.toCharArray();
        int latin = 0, vietnamese = 0, han = 0, kana = 0, hangul = 0, cyrillic = 0, arabic = 0, thai = 0, greek = 0;
        for (int i = 0, n = t.length; i < n; ) {
            char ch = t[i];
            if (ch < 0x80) { // most chars: no code point or table lookup
                i++;
                if (asciiLetter(ch)) latin++;
                continue;
            }
            int c = letterAt(t, i);
            i += c < 0 ? -c : Character.charCount(c);
            if (c < 0) continue;
            // the table lookup behind UnicodeScript.of is a binary search per letter
            if (plainLatin(c)) {
                latin++;
                if (isVietnamese(c)) vietnamese++;
                continue;
            }
            Character.UnicodeScript s = Character.UnicodeScript.of(c);
            switch (s) {
                case LATIN -> {
                    latin++;
                    if (isVietnamese(c)) vietnamese++;
                }
                case HAN -> han++;
                case HIRAGANA, KATAKANA -> kana++;
                case HANGUL -> hangul++;
                case CYRILLIC -> cyrillic++;
                case ARABIC -> arabic++;
                case THAI -> thai++;
                case GREEK -> greek++;
                default -> { }
            }
        }
        int nonLatin = han + kana + hangul + cyrillic + arabic + thai + greek;
        if (nonLatin > latin) {
            if (kana > 0 && kana * 10 >= han) return "ja";
            int max = Math.max(Math.max(Math.max(han, hangul), Math.max(cyrillic, arabic)), Math.max(thai, greek));
            if (max == hangul) return "ko";
            if (max == han) return "zh";
            if (max == cyrillic) return text.matches("(?s).*[іїєґ].*") ? "uk" : "ru";
            if (max == arabic) return "ar";
            if (max == thai) return "th";
            return "el";
        }
        if (latin == 0) return null;
        // Vietnamese letters (ơ ư ă đ and the stacked tone marks) are rare anywhere else.
        if (vietnamese >= 2 && vietnamese * 100 >= latin * 3) return "vi";
        int[] counts = new int[stopwordLanguages.size()];
        int[] firstHits = new int[counts.length];
        int[] languagesHit = {0};
        char[] buffer = new char[longestStopword];
        tokens(t, (start, end) -> {
            int[] langs = stopwordLanguages(t, start, end, buffer);
            if (langs != null) for (int l : langs) if (counts[l]++ == 0) firstHits[languagesHit[0]++] = l;
        });
        // the map the hits were once merged into one by one: merged in the order first hit, as
        // merge (unlike put) heads its bucket with a new key, and where counts tie the choice
        // below depends on the map's order
        Map<String, Integer> hits = new HashMap<>();
        for (int k = 0; k < languagesHit[0]; k++) hits.merge(stopwordLanguages.get(firstHits[k]), counts[firstHits[k]], Integer::sum);
        String best = null;
        int bestHits = 0, second = 0;
        for (Map.Entry<String, Integer> e : hits.entrySet()) {
            int h = e.getValue();
            if (h > bestHits || (h == bestHits && best != null && e.getKey().compareTo(best) < 0)) {
                if (h > bestHits) second = bestHits;
                best = e.getKey();
                bestHits = h;
            } else if (h > second) {
                second = h;
            }
        }
        if (best != null && bestHits >= minStopwords && bestHits * 2 >= second * 3 && bestHits > second) return best;
        return null;
    }

    /**
     * The share of a line's words that are stop words of some language with data, or NaN
     * when its words are not mostly Latin letters (no stop word data there). Running prose
     * is full of them; a line of keywords, names or headlines strung together has few.
     */
    public double stopwordShare(String text) {
        char[] t = text.toCharArray();
        int latin = 0, other = 0;
        for (int i = 0, n = t.length; i < n; ) {
            char ch = t[i];
            if (ch < 0x80) {
                i++;
                if (asciiLetter(ch)) latin++;
                continue;
            }
            int c = letterAt(t, i);
            i += c < 0 ? -c : Character.charCount(c);
            if (c < 0) continue;
            if (plainLatin(c)) latin++;
            else other++;
        }
        if (latin == 0 || other > latin) return Double.NaN;
        int[] counts = new int[2];
        char[] buffer = new char[longestStopword];
        tokens(t, (start, end) -> {
            counts[0]++;
            if (stopwordLanguages(t, start, end, buffer) != null) counts[1]++;
        });
        return counts[1] / (double) counts[0];
    }

    /** Receives a token as a range of the text. */
    private interface TokenSink {
        void token(int start, int end);
    }

    /** Runs of letters and apostrophes, as {@code split("[^\\p{L}']+")} gives them, without the regex. */
    private static void tokens(char[] text, TokenSink sink) {
        for (int i = 0, n = text.length; i < n; ) {
            int part = tokenPart(text, i);
            if (part < 0) {
                i -= part;
                continue;
            }
            int start = i;
            while (i < n && (part = tokenPart(text, i)) > 0) i += part;
            sink.token(start, i);
        }
    }

    /** The chars of the code point at {@code i}: positive for a letter or apostrophe, negative for another. */
    private static int tokenPart(char[] text, int i) {
        char ch = text[i];
        if (ch < 0x80) return asciiLetter(ch) || ch == '\'' ? 1 : -1;
        int c = letterAt(text, i);
        return c < 0 ? c : Character.charCount(c);
    }

    /**
     * The letter at {@code i} (a code point), or minus the chars of the code point there when it
     * is no letter. Outside the surrogates a char is its code point, and {@link Chars} answers.
     */
    private static int letterAt(char[] text, int i) {
        char ch = text[i];
        if (!Character.isSurrogate(ch)) return Chars.isLetter(ch) ? ch : -1;
        int c = Character.codePointAt(text, i);
        return Character.isLetter(c) ? c : -Character.charCount(c);
    }

    private static boolean asciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /**
     * The indexes of the languages whose stop word {@code text[start, end)} is, or null. The token
     * is lower-cased into {@code buffer} char by char, which is the whole token lower-cased unless
     * a char's lower case depends on its neighbours (final sigma), has another length (dotted I)
     * or is a surrogate's.
     */
    private int[] stopwordLanguages(char[] text, int start, int end, char[] buffer) {
        // stop words are short; a long token cannot be one and is not worth lower-casing
        if (end - start > longestStopword) return null;
        int h = 0;
        for (int i = start; i < end; i++) {
            char c = text[i];
            char lc;
            if (c < 0x80) {
                lc = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
            } else if (c == '\u03A3' || c == '\u0130' || Character.isSurrogate(c)) {
                String word = new String(text, start, end - start).toLowerCase(Locale.ROOT);
                return stopwords.get(word.toCharArray(), 0, word.length(), word.hashCode());
            } else {
                lc = Chars.lower(c);
            }
            buffer[i - start] = lc;
            h = 31 * h + lc; // String.hashCode, as the table hashes its keys
        }
        return stopwords.get(buffer, 0, end - start, h);
    }

    /** A letter below U+0250 or in Latin Extended Additional (Vietnamese): Latin script, no lookup needed. */
    private static boolean plainLatin(int c) {
        return c < 0x250 || c >= 0x1E00 && c <= 0x1EFF;
    }

    static boolean isVietnamese(int c) {
        return c == 'đ' || c == 'Đ' || c == 'ơ' || c == 'Ơ' || c == 'ư' || c == 'Ư' || c == 'ă' || c == 'Ă'
                || (c >= 0x1EA0 && c <= 0x1EF9);
    }

    private String lingua(String text) {
        linguaCalls.incrementAndGet();
        Language l = linguaDetector().detectLanguageOf(text);
        if (l == Language.UNKNOWN) return UNKNOWN;
        return l.getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
    }

    private com.github.pemistahl.lingua.api.LanguageDetector linguaDetector() {
        com.github.pemistahl.lingua.api.LanguageDetector d = lingua;
        if (d == null) {
            synchronized (this) {
                d = lingua;
                if (d == null) {
                    List<Language> langs = new ArrayList<>();
                    for (String code : languages) {
                        if (!LINGUA.contains(code)) continue;
                        try {
                            langs.add(Language.getByIsoCode639_1(IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT))));
                        } catch (IllegalArgumentException e) {
                            // a site language Lingua does not know: stop words alone decide it
                        }
                    }
                    d = lingua = langs.size() >= 2
                            ? LanguageDetectorBuilder.fromLanguages(langs.toArray(new Language[0])).build()
                            : LanguageDetectorBuilder.fromLanguages(Language.ENGLISH, Language.VIETNAMESE).build();
                }
            }
        }
        return d;
    }
}
