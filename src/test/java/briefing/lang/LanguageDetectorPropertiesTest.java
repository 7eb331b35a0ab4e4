package briefing.lang;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@link LanguageDetector}'s cheap evidence, which lower-cases each token into a buffer and
 * counts hits by language index, gives the verdicts of the strings-and-map code it replaced.
 */
class LanguageDetectorPropertiesTest {
    private static final LanguageData DATA = LanguageData.builtIn();
    private static final LanguageDetector DETECTOR = new LanguageDetector(DATA);
    private static final Map<String, List<String>> INDEX = DATA.stopwordIndex();
    private static final int LONGEST = INDEX.keySet().stream().mapToInt(String::length).max().orElse(0);

    @Provide
    Arbitrary<String> texts() {
        List<String> words = new ArrayList<>(List.of("Việt", "Nam", "đường", "ΟΔΟΣ", "Σ", "σ", "İ", "İn", "ß", "Ǆ", "中国", "日本の",
                "인도", "Москва", "її", "مرحبا", "ไทย", "Ελλάδα", "😀", "\uD801\uDC00", "x", "1", "2024", "'", "l'", "ª", "K"));
        INDEX.keySet().forEach(w -> {
            words.add(w);
            words.add(w.toUpperCase(Locale.ROOT));
            words.add(Character.toUpperCase(w.charAt(0)) + w.substring(1));
        });
        Arbitrary<String> separators = Arbitraries.of(" ", " ", " ", "  ", "-", "'", ", ", ". ", "\n", "", "’", "\u00A0");
        return Arbitraries.of(words).list().ofMaxSize(25).flatMap(ws -> separators.list().ofSize(ws.size()).map(seps -> {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < ws.size(); i++) sb.append(ws.get(i)).append(seps.get(i));
            return sb.toString();
        }));
    }

    @Property(tries = 3000)
    void sameCheapVerdictAsTheStringsAndMap(@ForAll @From("texts") String text) {
        assertEquals(cheap(text, 2), DETECTOR.detectLineCheaply(text), text);
    }

    @Property(tries = 3000)
    void sameStopwordShareAsTheStringsAndMap(@ForAll @From("texts") String text) {
        assertEquals(stopwordShare(text), DETECTOR.stopwordShare(text), text);
    }

    // The code replaced, as it was.

    private static String cheap(String text, int minStopwords) {
        int latin = 0, vietnamese = 0, han = 0, kana = 0, hangul = 0, cyrillic = 0, arabic = 0, thai = 0, greek = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (!Character.isLetter(c)) continue;
            Character.UnicodeScript s = Character.UnicodeScript.of(c);
            switch (s) {
                case LATIN -> {
                    latin++;
                    if (LanguageDetector.isVietnamese(c)) vietnamese++;
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
        if (vietnamese >= 2 && vietnamese * 100 >= latin * 3) return "vi";
        Map<String, Integer> hits = new HashMap<>();
        for (String t : text.split("[^\\p{L}']+")) {
            List<String> langs = stopwordLanguages(t);
            if (langs != null) for (String l : langs) hits.merge(l, 1, Integer::sum);
        }
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

    private static double stopwordShare(String text) {
        int latin = 0, other = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (!Character.isLetter(c)) continue;
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) latin++;
            else other++;
        }
        if (latin == 0 || other > latin) return Double.NaN;
        int tokens = 0, stop = 0;
        for (String t : text.split("[^\\p{L}']+")) {
            if (t.isEmpty()) continue;
            tokens++;
            if (stopwordLanguages(t) != null) stop++;
        }
        return stop / (double) tokens;
    }

    private static List<String> stopwordLanguages(String token) {
        if (token.length() > LONGEST) return null;
        return INDEX.get(token.toLowerCase(Locale.ROOT));
    }
}
