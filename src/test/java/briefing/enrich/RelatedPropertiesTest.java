package briefing.enrich;

import briefing.model.Article;
import briefing.model.TopicScore;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** {@link Related} chooses exactly what the version with boxed candidate sets chose. */
class RelatedPropertiesTest {
    /** One article: language, topics, names, and the article it is a translation of (an index, or -1). */
    record Spec(String lang, List<String> topics, Set<String> names, int translationOf) {}

    @Provide
    Arbitrary<List<Spec>> sites() {
        Arbitrary<Spec> spec = Combinators.combine(Arbitraries.of("en", "vi"),
                Arbitraries.of("us", "china", "trade", "ai", "climate", "japan").list().uniqueElements().ofMaxSize(3),
                Arbitraries.of("aa b", "ac d", "ae f", "ag h", "ai j", "ak l", "am n", "ao p").set().ofMaxSize(4),
                Arbitraries.integers().between(-1, 80)).as(Spec::new);
        return spec.list().ofMaxSize(80);
    }

    @Property(tries = 300)
    void sameChoicesAsTheBoxedVersion(@ForAll @From("sites") List<Spec> site) {
        List<Article> articles = new ArrayList<>();
        Map<String, Set<String>> names = new HashMap<>();
        for (int i = 0; i < site.size(); i++) {
            Spec s = site.get(i);
            String id = "a" + i;
            List<String> tr = s.translationOf() >= 0 && s.translationOf() < site.size() && s.translationOf() != i
                    ? List.of("a" + s.translationOf()) : List.of();
            articles.add(new Article(id, null, s.lang(), id, id, true, null, "", s.topics().stream().map(t -> new TopicScore(t, 1)).toList(),
                    null, tr, List.of(), List.of()));
            names.put(id, s.names());
        }
        assertEquals(ReferenceRelated.choose(articles, names), Related.choose(articles, names));
    }
}
