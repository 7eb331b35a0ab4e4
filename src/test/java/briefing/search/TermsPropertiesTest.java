package briefing.search;

import briefing.lang.Nfc;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A document's search words and weights are those the plain definitions give, however they are counted. */
class TermsPropertiesTest {
    /** search.js's word: letters, digits and marks. */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}\\p{M}]+");
    private static final Set<String> STOP = Set.of("và", "the", "of", "của");

    @Property(tries = 3000)
    void wordsAreSearchJsWords(@ForAll("texts") String text) {
        assertEquals(plainWords(text, STOP), Analyzer.words(text, STOP));
    }

    @Property(tries = 2000)
    void weightsAreTitleTopicAndCappedBodyCounts(@ForAll("texts") String title, @ForAll("texts") String topic,
                                                 @ForAll("texts") String body, @ForAll boolean vietnamese) {
        SearchIndex index = new SearchIndex(lang -> STOP);
        SearchIndex.Doc d = new SearchIndex.Doc("a/", vietnamese ? "vi" : "en", "en", null, title, List.of(topic, "Kinh tế"), body);
        SearchIndex.Terms t = index.terms(d);
        Map<String, Integer> got = new HashMap<>();
        for (int i = 0; i < t.words().length; i++) got.put(t.words()[i], t.weights()[i]);
        assertEquals(plainWeights(d, vietnamese ? Set.of() : STOP), got);
    }

    private static List<String> plainWords(String text, Set<String> stop) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(Nfc.of(text).toLowerCase(Locale.ROOT));
        while (m.find()) if (!stop.contains(m.group())) out.add(m.group());
        return out;
    }

    private static Map<String, Integer> plainWeights(SearchIndex.Doc d, Set<String> stop) {
        Map<String, Integer> weight = new HashMap<>();
        for (String w : new LinkedHashSet<>(plainWords(d.title(), stop))) weight.merge(w, SearchIndex.TITLE, Integer::sum);
        for (String w : new LinkedHashSet<>(plainWords(String.join(" ", d.topics()), stop))) weight.merge(w, SearchIndex.TOPIC, Integer::sum);
        Map<String, Integer> body = new HashMap<>();
        for (String w : plainWords(d.text(), stop)) body.merge(w, 1, Integer::sum);
        body.forEach((w, n) -> weight.merge(w, Math.min(n, SearchIndex.BODY_CAP), Integer::sum));
        return weight;
    }

    /** Words repeated often enough to reach the cap, in Vietnamese composed and decomposed, with marks, digits, CJK and astral letters. */
    /** A search entry kept between builds comes back as it was, or is not kept (half a surrogate pair). */
    @Property(tries = 1000)
    void analysedEntriesComeBackAsTheyWere(@ForAll("texts") String title, @ForAll("texts") String topic,
                                           @ForAll("texts") String body) {
        SearchIndex.Doc d = new SearchIndex.Doc("a/", "en", "en", null, title, List.of(topic, "Kinh tế"), body);
        SearchIndex.Terms t = new SearchIndex(lang -> STOP).terms(d);
        SearchIndex.Analysed a = new SearchIndex.Analysed(body, title, d.topics(), t);
        byte[] bytes = a.bytes();
        boolean halfPair = (title + "\0" + topic + "\0" + body).codePoints().anyMatch(c -> c >= 0xD800 && c <= 0xDFFF);
        if (bytes == null) {
            assertTrue(halfPair, "only half a surrogate pair stops an entry being kept");
            return;
        }
        SearchIndex.Analysed back = SearchIndex.Analysed.of(bytes);
        assertEquals(body, back.text());
        assertEquals(title, back.title());
        assertEquals(d.topics(), back.topics());
        assertTrue(back.fits(d));
        assertEquals(List.of(t.words()), List.of(back.terms().words()));
        assertEquals(java.util.Arrays.stream(t.weights()).boxed().toList(), java.util.Arrays.stream(back.terms().weights()).boxed().toList());
        assertNull(SearchIndex.Analysed.of(java.util.Arrays.copyOf(bytes, bytes.length - 1)), "a cut entry is no entry");
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> piece = Arbitraries.of("Việt", "Nam", "và", "the", "Of", "của", "nước", "Đà", "Nẵng", "42", "٣", "Ⅻ", "½",
                "ÉCOLE", "İstanbul", "ß", "中国", "𝒜b", "😀", "e\u0301", "a\u0323\u0302", "\u0301", "\u20dd", "x\u200dy", " ", " ",
                "-", "’", "…", "\t", "\n", ".", "_", "\uD800", "ǅ", "ﬁ", "Ａ");
        return Combinators.combine(piece.list().ofMaxSize(30), Arbitraries.of("", " ", "-")).as((p, sep) -> String.join(sep, p));
    }
}
