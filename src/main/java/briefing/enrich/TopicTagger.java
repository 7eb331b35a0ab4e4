package briefing.enrich;

import briefing.lang.CharTable;
import briefing.lang.Chars;
import briefing.model.Taxonomy;

import briefing.model.TopicScore;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tags texts with topics of a {@link Taxonomy}. Alphabetic scripts match whole words (a
 * keyword of several words as a phrase; a trailing '*' as a word prefix); Chinese, Japanese
 * and Korean keywords match as exact phrases. A keyword starting with '!' is a phrase that
 * holds one of the topic's keywords but means something else ("!Mỹ Tho", a city, under the
 * United States): where it matches, nothing counts. Lower-case keywords match in any case;
 * acronyms and capitalised one-word names ("US", "AI", "Mỹ", "Nga") only as written, so
 * "us" or "cập nhật" never count. Scores weigh the title 3, the lede 2 and the rest 1, times
 * the topic's weight (specific themes such as semiconductors weigh more than a country's
 * name, which articles drop in passing), divided by the square root of the text's length in
 * hundreds of words plus one. Thread-safe.
 */
public final class TopicTagger {
    /** {@code negative}: a phrase that holds one of the topic's keywords but means something else. */
    private record Keyword(String topic, char[][] tokens, boolean exactCase, boolean prefix, boolean negative) {}

    /** lang → first token (lower case) → keywords starting with it. */
    private final Map<String, CharTable<Keyword[]>> index = new HashMap<>();
    /** lang → first three letters (lower case) → single-word prefix keywords ("halbleiter*"). */
    private final Map<String, CharTable<Keyword[]>> prefixes = new HashMap<>();
    private final Map<String, Double> weights = new HashMap<>();
    /** lang → CJK phrases → topic. */
    private final Map<String, Map<String, String>> phrases = new HashMap<>();
    /** lang → CJK phrases → the topic whose keywords do not count inside them. */
    private final Map<String, Map<String, String>> negativePhrases = new HashMap<>();
    /** Every language with keywords, sorted: used for a text whose language has none. */
    private final List<String> allLanguages;
    private final Taxonomy taxonomy;

    public TopicTagger(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        Map<String, Map<String, List<Keyword>>> byFirst = new HashMap<>(), byPrefix = new HashMap<>();
        for (Taxonomy.Topic t : taxonomy.topics()) {
            weights.put(t.key(), t.weight());
            t.keywords().forEach((lang, words) -> {
                // the taxonomy may be saved decomposed; texts are NFC by the time they get here
                for (String w : words) add(lang, t.key(), Normalizer.normalize(w.strip(), Normalizer.Form.NFC), byFirst, byPrefix);
            });
        }
        byFirst.forEach((lang, m) -> index.put(lang, table(m)));
        byPrefix.forEach((lang, m) -> prefixes.put(lang, table(m)));
        List<String> all = new ArrayList<>(byFirst.keySet());
        phrases.keySet().forEach(l -> {
            if (!all.contains(l)) all.add(l);
        });
        all.sort(null);
        allLanguages = List.copyOf(all);
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    private static CharTable<Keyword[]> table(Map<String, List<Keyword>> entries) {
        Map<String, Keyword[]> arrays = new HashMap<>();
        entries.forEach((k, v) -> arrays.put(k, v.toArray(new Keyword[0])));
        return new CharTable<>(arrays);
    }

    private void add(String lang, String topic, String keyword, Map<String, Map<String, List<Keyword>>> byFirst,
                     Map<String, Map<String, List<Keyword>>> byPrefix) {
        boolean negative = keyword.startsWith("!");
        String word = negative ? keyword.substring(1).strip() : keyword;
        if (word.isEmpty()) return;
        if (isCjk(word)) {
            if (negative) negativePhrases.computeIfAbsent(lang, k -> new LinkedHashMap<>()).put(word, topic);
            else phrases.computeIfAbsent(lang, k -> new LinkedHashMap<>()).put(word, topic);
            return;
        }
        boolean prefix = word.endsWith("*");
        String w = prefix ? word.substring(0, word.length() - 1) : word;
        List<String> tokens = tokenize(w);
        if (tokens.isEmpty()) return;
        boolean exact = tokens.size() == 1 && !w.equals(w.toLowerCase(Locale.ROOT))
                && (w.equals(w.toUpperCase(Locale.ROOT)) && w.length() <= 5 || "vi".equals(lang));
        String[] arr = tokens.stream().map(s -> exact ? s : s.toLowerCase(Locale.ROOT)).toArray(String[]::new);
        char[][] chars = new char[arr.length][];
        for (int i = 0; i < arr.length; i++) chars[i] = arr[i].toCharArray();
        Keyword k = new Keyword(topic, chars, exact, prefix, negative);
        if (prefix && arr.length == 1) {
            String head = arr[0].toLowerCase(Locale.ROOT);
            byPrefix.computeIfAbsent(lang, x -> new HashMap<>())
                    .computeIfAbsent(head.substring(0, Math.min(3, head.length())), x -> new ArrayList<>()).add(k);
        } else {
            byFirst.computeIfAbsent(lang, x -> new HashMap<>())
                    .computeIfAbsent(arr[0].toLowerCase(Locale.ROOT), x -> new ArrayList<>()).add(k);
        }
    }

    private static boolean isCjk(String s) {
        for (int i = 0; i < s.length(); i++) {
            Character.UnicodeScript sc = Character.UnicodeScript.of(s.charAt(i));
            if (sc == Character.UnicodeScript.HAN || sc == Character.UnicodeScript.HIRAGANA
                    || sc == Character.UnicodeScript.KATAKANA || sc == Character.UnicodeScript.HANGUL) return true;
        }
        return false;
    }

    private static List<String> tokenize(String text) {
        Words w = new Words(text);
        List<String> out = new ArrayList<>(w.count);
        for (int t = 0; t < w.count; t++) out.add(text.substring(w.start[t], w.end[t]));
        return out;
    }

    /**
     * The topics of a text, best first, at most {@code max}, each scoring at least {@code threshold}.
     *
     * @param lang the text's language; keywords of that language are used, or all when it has none
     */
    public List<TopicScore> tag(String lang, String title, String lede, String rest, double threshold, int max) {
        Map<String, Double> raw = new HashMap<>();
        List<String> langs = index.containsKey(lang) || phrases.containsKey(lang) ? List.of(lang) : allLanguages;
        int words = 0;
        String[] fields = {title == null ? "" : title, lede == null ? "" : lede, rest == null ? "" : rest};
        double[] fieldWeights = {3, 2, 1};
        for (int f = 0; f < fields.length; f++) {
            Words w = new Words(fields[f]);
            if (f > 0) words += w.count;
            for (String l : langs) count(l, w, fieldWeights[f], raw);
        }
        // square root: a long article mentions its subject more often, but not proportionally more
        double norm = Math.sqrt(1 + words / 100.0);
        List<TopicScore> out = new ArrayList<>();
        raw.forEach((topic, r) -> {
            double s = Math.round(r * weights.getOrDefault(topic, 1.0) / norm * 100) / 100.0;
            if (s >= threshold) out.add(new TopicScore(topic, s));
        });
        out.sort(Comparator.comparingDouble(TopicScore::score).reversed().thenComparing(TopicScore::key));
        return out.size() > max ? List.copyOf(out.subList(0, max)) : List.copyOf(out);
    }

    private void count(String lang, Words words, double weight, Map<String, Double> raw) {
        CharTable<Keyword[]> idx = index.get(lang), pre = prefixes.get(lang);
        for (int i = 0; i < words.count; i++) {
            int from = words.lowerStart[i], to = words.lowerEnd[i];
            Keyword[] candidates = idx == null ? null : idx.get(words.lower, from, to, words.hash[i]);
            Keyword[] byPrefix = pre == null ? null : pre.get(words.lower, from, from + Math.min(3, to - from), words.prefixHash[i]);
            if (candidates == null && byPrefix == null) continue;
            // the longest matching keyword at a position wins, so "South Korea" is not also "Korea";
            // a negative one blocks only its own topic ("investment climate" is still investment)
            Set<String> blocked = null;
            int span = 1;
            for (int l = 0; l < 2; l++) {
                Keyword[] list = l == 0 ? candidates : byPrefix;
                if (list == null) continue;
                for (Keyword k : list) {
                    if (k.negative() && matches(k, words, i)) {
                        if (blocked == null) blocked = new HashSet<>();
                        blocked.add(k.topic());
                        span = Math.max(span, k.tokens().length);
                    }
                }
            }
            Keyword best = null;
            for (int l = 0; l < 2; l++) {
                Keyword[] list = l == 0 ? candidates : byPrefix;
                if (list == null) continue;
                for (Keyword k : list) {
                    if (!k.negative() && (blocked == null || !blocked.contains(k.topic())) && matches(k, words, i)
                            && (best == null || k.tokens().length > best.tokens().length)) best = k;
                }
            }
            if (best != null) {
                raw.merge(best.topic(), weight, Double::sum);
                span = Math.max(span, best.tokens().length);
            }
            i += span - 1;
        }
        Map<String, String> ph = phrases.get(lang);
        String text = words.text;
        if (ph != null && isCjk(text)) {
            Map<String, boolean[]> excluded = new HashMap<>();
            negativePhrases.getOrDefault(lang, Map.of()).forEach((n, topic) -> {
                for (int at = text.indexOf(n); at >= 0; at = text.indexOf(n, at + 1)) {
                    java.util.Arrays.fill(excluded.computeIfAbsent(topic, t -> new boolean[text.length()]), at, at + n.length(), true);
                }
            });
            ph.forEach((p, topic) -> {
                boolean[] not = excluded.get(topic);
                for (int at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + p.length())) {
                    if (not == null || !not[at]) raw.merge(topic, weight, Double::sum);
                }
            });
        }
    }

    private static boolean matches(Keyword k, Words words, int at) {
        char[][] tokens = k.tokens();
        if (at + tokens.length > words.count) return false;
        for (int j = 0; j < tokens.length; j++) {
            char[] w = tokens[j];
            boolean prefix = k.prefix() && j == tokens.length - 1;
            // keywords written in lower case match the text's lower-case form, the others the text as written
            char[] text = k.exactCase() ? words.chars : words.lower;
            int from = k.exactCase() ? words.start[at + j] : words.lowerStart[at + j];
            int length = (k.exactCase() ? words.end[at + j] : words.lowerEnd[at + j]) - from;
            if (prefix ? length < w.length : length != w.length) return false;
            if (!Arrays.equals(text, from, from + w.length, w, 0, w.length)) return false;
        }
        return true;
    }

    /**
     * A text's words (runs of letters and digits; every other character separates words) as
     * ranges of the text and of its lower-case form, with the hash codes their lookups need:
     * most words are no keyword's, and cutting each out as a string and lower-casing it on its
     * own was most of the cost of tagging.
     */
    private static final class Words {
        final String text;
        final char[] chars;
        /** The words in lower case, at {@code lowerStart}–{@code lowerEnd}; other chars are left out. */
        final char[] lower;
        int count;
        int[] start = new int[64], end = new int[64], hash = new int[64], prefixHash = new int[64];
        int[] lowerStart, lowerEnd;

        Words(String text) {
            this.text = text;
            chars = text.toCharArray();
            int n = chars.length;
            char[] low = new char[n];
            boolean contextual = false;
            for (int i = 0; i < n; ) {
                char c = chars[i];
                if (!Chars.isLetterOrDigit(c)) {
                    i++;
                    continue;
                }
                int from = i, h = 0, head = 0;
                do {
                    char lc = Chars.lower(c);
                    contextual |= c == '\u03A3' || c == '\u0130';
                    low[i] = lc;
                    h = 31 * h + lc; // String.hashCode, as the tables hash their keys
                    if (i - from < 3) head = h;
                    i++;
                } while (i < n && Chars.isLetterOrDigit(c = chars[i]));
                add(from, i, h, head);
            }
            // each word's chars lower-cased one by one are the word lower-cased as a string, unless a
            // letter's lower case depends on its neighbours (final sigma) or has another length (dotted I)
            if (!contextual) {
                lower = low;
                lowerStart = start;
                lowerEnd = end;
            } else {
                StringBuilder sb = new StringBuilder(n + 16);
                lowerStart = new int[count];
                lowerEnd = new int[count];
                for (int t = 0; t < count; t++) {
                    String word = text.substring(start[t], end[t]).toLowerCase(Locale.ROOT);
                    lowerStart[t] = sb.length();
                    sb.append(word);
                    lowerEnd[t] = sb.length();
                    hash[t] = word.hashCode();
                    prefixHash[t] = word.substring(0, Math.min(3, word.length())).hashCode();
                }
                lower = sb.toString().toCharArray();
            }
        }

        private void add(int from, int to, int h, int head) {
            if (count == start.length) {
                start = Arrays.copyOf(start, count * 2);
                end = Arrays.copyOf(end, count * 2);
                hash = Arrays.copyOf(hash, count * 2);
                prefixHash = Arrays.copyOf(prefixHash, count * 2);
            }
            start[count] = from;
            end[count] = to;
            hash[count] = h;
            prefixHash[count++] = head;
        }
    }
}
