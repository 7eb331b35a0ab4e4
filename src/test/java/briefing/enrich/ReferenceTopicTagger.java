package briefing.enrich;

import briefing.model.Taxonomy;

import briefing.model.TopicScore;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The token-list implementation of {@link TopicTagger} that the range-based one replaced, kept as its reference ({@code TopicTaggerPropertiesTest}).
 * Its own description follows.
 *
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
final class ReferenceTopicTagger {
    /** {@code negative}: a phrase that holds one of the topic's keywords but means something else. */
    private record Keyword(String topic, String[] tokens, boolean exactCase, boolean prefix, boolean negative) {}

    /** lang → first token (lower case) → keywords starting with it. */
    private final Map<String, Map<String, List<Keyword>>> index = new HashMap<>();
    /** lang → first three letters (lower case) → single-word prefix keywords ("halbleiter*"). */
    private final Map<String, Map<String, List<Keyword>>> prefixes = new HashMap<>();
    private final Map<String, Double> weights = new HashMap<>();
    /** lang → CJK phrases → topic. */
    private final Map<String, Map<String, String>> phrases = new HashMap<>();
    /** lang → CJK phrases → the topic whose keywords do not count inside them. */
    private final Map<String, Map<String, String>> negativePhrases = new HashMap<>();
    private final Taxonomy taxonomy;

    ReferenceTopicTagger(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        for (Taxonomy.Topic t : taxonomy.topics()) {
            weights.put(t.key(), t.weight());
            t.keywords().forEach((lang, words) -> {
                // the taxonomy may be saved decomposed; texts are NFC by the time they get here
                for (String w : words) add(lang, t.key(), Normalizer.normalize(w.strip(), Normalizer.Form.NFC));
            });
        }
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    private void add(String lang, String topic, String keyword) {
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
        Keyword k = new Keyword(topic, arr, exact, prefix, negative);
        if (prefix && arr.length == 1) {
            String head = arr[0].toLowerCase(Locale.ROOT);
            prefixes.computeIfAbsent(lang, x -> new HashMap<>())
                    .computeIfAbsent(head.substring(0, Math.min(3, head.length())), x -> new ArrayList<>()).add(k);
        } else {
            index.computeIfAbsent(lang, x -> new HashMap<>())
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

    /** Runs of letters and digits; every other character separates words. */
    static List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean word = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (word && start < 0) start = i;
            if (!word && start >= 0) {
                out.add(text.substring(start, i));
                start = -1;
            }
        }
        return out;
    }

    /**
     * The topics of a text, best first, at most {@code max}, each scoring at least {@code threshold}.
     *
     * @param lang the text's language; keywords of that language are used, or all when it has none
     */
    public List<TopicScore> tag(String lang, String title, String lede, String rest, double threshold, int max) {
        Map<String, Double> raw = new HashMap<>();
        List<String> langs = index.containsKey(lang) || phrases.containsKey(lang) ? List.of(lang) : allLanguages();
        int words = 0;
        String[] fields = {title == null ? "" : title, lede == null ? "" : lede, rest == null ? "" : rest};
        double[] fieldWeights = {3, 2, 1};
        for (int f = 0; f < fields.length; f++) {
            List<String> tokens = tokenize(fields[f]);
            if (f > 0) words += tokens.size();
            for (String l : langs) count(l, tokens, fields[f], fieldWeights[f], raw);
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

    private List<String> allLanguages() {
        List<String> all = new ArrayList<>(index.keySet());
        phrases.keySet().forEach(l -> {
            if (!all.contains(l)) all.add(l);
        });
        all.sort(null);
        return all;
    }

    private void count(String lang, List<String> tokens, String text, double weight, Map<String, Double> raw) {
        Map<String, List<Keyword>> idx = index.getOrDefault(lang, Map.of());
        Map<String, List<Keyword>> pre = prefixes.getOrDefault(lang, Map.of());
        for (int i = 0; i < tokens.size(); i++) {
            String lower = tokens.get(i).toLowerCase(Locale.ROOT);
            List<Keyword> candidates = idx.get(lower);
            List<Keyword> byPrefix = pre.get(lower.substring(0, Math.min(3, lower.length())));
            if (candidates == null && byPrefix == null) continue;
            // the longest matching keyword at a position wins, so "South Korea" is not also "Korea";
            // a negative one blocks only its own topic ("investment climate" is still investment)
            Set<String> blocked = new HashSet<>();
            int span = 1;
            for (List<Keyword> list : java.util.Arrays.asList(candidates, byPrefix)) {
                if (list == null) continue;
                for (Keyword k : list) {
                    if (k.negative() && matches(k, tokens, i)) {
                        blocked.add(k.topic());
                        span = Math.max(span, k.tokens().length);
                    }
                }
            }
            Keyword best = null;
            for (List<Keyword> list : java.util.Arrays.asList(candidates, byPrefix)) {
                if (list == null) continue;
                for (Keyword k : list) {
                    if (!k.negative() && !blocked.contains(k.topic()) && matches(k, tokens, i)
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

    private static boolean matches(Keyword k, List<String> tokens, int at) {
        if (at + k.tokens().length > tokens.size()) return false;
        for (int j = 0; j < k.tokens().length; j++) {
            String t = tokens.get(at + j);
            String w = k.tokens()[j];
            boolean last = j == k.tokens().length - 1;
            if (k.exactCase()) {
                if (!(last && k.prefix() ? t.startsWith(w) : t.equals(w))) return false;
            } else {
                String lt = t.toLowerCase(Locale.ROOT);
                if (!(last && k.prefix() ? lt.startsWith(w) : lt.equals(w))) return false;
            }
        }
        return true;
    }
}
