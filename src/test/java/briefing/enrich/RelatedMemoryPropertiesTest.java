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

/**
 * {@link Related.Memory}, taken through links where articles change their topics, names,
 * language or translations, or are added, removed or moved, chooses at every link what
 * {@link Related#choose} chooses from nothing.
 */
class RelatedMemoryPropertiesTest {
    /** One article as the test holds it: its id, language, topics, names, and the id it is a translation of (or null). */
    record Item(String id, String lang, List<String> topics, Set<String> names, String translationOf) {}

    /** One change: what is done, to the article at {@code at} (modulo the size), with {@code spec}'s values. */
    record Change(int kind, int at, RelatedPropertiesTest.Spec spec) {}

    @Provide
    Arbitrary<List<RelatedPropertiesTest.Spec>> sites() {
        return new RelatedPropertiesTest().sites();
    }

    @Provide
    Arbitrary<List<List<Change>>> links() {
        Arbitrary<RelatedPropertiesTest.Spec> spec = new RelatedPropertiesTest().sites().filter(l -> !l.isEmpty()).map(l -> l.get(0));
        Arbitrary<Change> change = Combinators.combine(Arbitraries.integers().between(0, 7), Arbitraries.integers().between(0, 200), spec)
                .as(Change::new);
        // mostly a change or two between links, as an editor makes them
        return change.list().ofMaxSize(3).list().ofMinSize(1).ofMaxSize(5);
    }

    @Property(tries = 200)
    void chosenAsFromNothingAfterEveryChange(@ForAll @From("sites") List<RelatedPropertiesTest.Spec> site,
                                             @ForAll @From("links") List<List<Change>> links) {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < site.size(); i++) items.add(item("a" + i, site.get(i), items));
        Related.Memory memory = new Related.Memory();
        check(items, memory);
        int made = site.size();
        for (List<Change> link : links) {
            for (Change c : link) {
                if (items.isEmpty() && c.kind() != 6) continue;
                int at = items.isEmpty() ? 0 : c.at() % items.size();
                Item it = items.isEmpty() ? null : items.get(at);
                RelatedPropertiesTest.Spec s = c.spec();
                switch (c.kind()) {
                    case 0 -> items.set(at, new Item(it.id(), it.lang(), s.topics(), it.names(), it.translationOf()));
                    case 1 -> items.set(at, new Item(it.id(), it.lang(), it.topics(), s.names(), it.translationOf()));
                    case 2 -> items.set(at, new Item(it.id(), s.lang(), it.topics(), it.names(), it.translationOf()));
                    case 3 -> items.set(at, item(it.id(), s, items));
                    case 4 -> items.remove(at);
                    case 5 -> items.add(items.remove(at)); // its date changed: it moves
                    case 6 -> items.add(Math.min(at, items.size()), item("a" + made++, s, items));
                    default -> { } // nothing that matters here changed
                }
            }
            check(items, memory);
        }
    }

    private static Item item(String id, RelatedPropertiesTest.Spec s, List<Item> others) {
        String of = s.translationOf() >= 0 && s.translationOf() < others.size() ? others.get(s.translationOf()).id() : null;
        return new Item(id, s.lang(), s.topics(), s.names(), id.equals(of) ? null : of);
    }

    private static void check(List<Item> items, Related.Memory memory) {
        List<Article> articles = new ArrayList<>();
        Map<String, Set<String>> names = new HashMap<>();
        Set<String> ids = new java.util.HashSet<>();
        for (Item it : items) ids.add(it.id());
        for (Item it : items) {
            List<String> tr = it.translationOf() != null && ids.contains(it.translationOf()) ? List.of(it.translationOf()) : List.of();
            articles.add(new Article(it.id(), null, it.lang(), it.id(), it.id(), true, null, "",
                    it.topics().stream().map(t -> new TopicScore(t, 1)).toList(), null, tr, List.of(), List.of()));
            names.put(it.id(), it.names());
        }
        assertEquals(Related.choose(articles, names), memory.choose(articles, names));
    }
}
