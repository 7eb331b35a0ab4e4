package briefing.enrich;

import briefing.model.Taxonomy;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;

/** {@link TopicTagger}, which matches words as ranges of the text, scores exactly as the token lists it replaced did. */
class TopicTaggerPropertiesTest {
    private static final Taxonomy TAXONOMY = TaxonomyReader.builtIn();
    private static final TopicTagger TAGGER = new TopicTagger(TAXONOMY);
    private static final ReferenceTopicTagger REFERENCE = new ReferenceTopicTagger(TAXONOMY);

    @Provide
    Arbitrary<String> texts() {
        List<String> words = new ArrayList<>(List.of("the", "và", "of", "Mỹ", "Tho", "ΟΔΟΣ", "Σ", "σ", "İstanbul", "İ", "ß", "Ǆ",
                "中国", "日米", "인도", "Ünal", "A", "a", "1", "2023"));
        for (Taxonomy.Topic t : TAXONOMY.topics()) {
            t.keywords().values().forEach(list -> list.forEach(k -> {
                String w = k.replace("!", "").replace("*", "");
                words.add(w);
                words.add(w.toLowerCase(Locale.ROOT));
                words.add(w.toUpperCase(Locale.ROOT));
                if (k.endsWith("*")) words.add(w + "industrie");
            }));
        }
        Arbitrary<String> separators = Arbitraries.of(" ", " ", " ", "  ", "-", "'", ", ", ". ", "\n", "", "\u0301", "’");
        return Arbitraries.of(words).list().ofMaxSize(30).flatMap(ws -> separators.list().ofSize(ws.size()).map(seps -> {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < ws.size(); i++) sb.append(ws.get(i)).append(seps.get(i));
            return sb.toString();
        }));
    }

    @Property(tries = 2000)
    void sameScoresAsTheTokenLists(@ForAll("languages") String lang, @ForAll @From("texts") String title,
                                   @ForAll @From("texts") String lede, @ForAll @From("texts") String rest) {
        assertEquals(REFERENCE.tag(lang, title, lede, rest, Double.MIN_VALUE, Integer.MAX_VALUE),
                TAGGER.tag(lang, title, lede, rest, Double.MIN_VALUE, Integer.MAX_VALUE),
                () -> lang + " | " + title + " | " + lede + " | " + rest);
    }

    @Provide
    Arbitrary<String> languages() {
        return Arbitraries.of("vi", "en", "id", "de", "fr", "es", "zh", "ja", "ko", "ru", "xx");
    }
}
