package briefing.enrich;

import briefing.model.Article;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The written-out order of lists and feeds sorts as "newest first, undated last, then by id" says. */
class NewestFirstPropertiesTest {
    @Provide
    Arbitrary<List<Article>> articles() {
        // few dates and ids, so that ties and missing dates are common
        Arbitrary<LocalDate> date = Arbitraries.integers().between(0, 5).map(d -> LocalDate.of(2024, 9, 20).plusDays(d))
                .injectNull(0.3);
        Arbitrary<String> id = Arbitraries.strings().withChars("ab").ofMinLength(1).ofMaxLength(3);
        return net.jqwik.api.Combinators.combine(id, date).as((i, d) -> new Article(i, null, "en", i, i, true, d, "",
                List.of(), null, List.of(), List.of(), List.of())).list().ofMaxSize(30);
    }

    @Property(tries = 300)
    void sortsAsTheComposedComparator(@ForAll("articles") List<Article> articles) {
        List<Article> expected = new ArrayList<>(articles), actual = new ArrayList<>(articles);
        expected.sort(Comparator.comparing(Article::date, Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(Article::id));
        actual.sort(Enricher.newestFirst());
        assertEquals(expected.stream().map(a -> a.id() + " " + a.date()).toList(), actual.stream().map(a -> a.id() + " " + a.date()).toList());
    }
}
