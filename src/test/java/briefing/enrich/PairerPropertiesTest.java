package briefing.enrich;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** {@link Pairer}, which adds shared weights up in reused arrays, decides exactly as the version with a sorted map did. */
class PairerPropertiesTest {
    @Provide
    Arbitrary<List<Pairer.Item>> sites() {
        Arbitrary<String> paragraph = Arbitraries.of("88", "1,340", "1.340", "11.8", "11,8", "22%", "2023", "2024", "1999", "7",
                "John Kerry", "Dan Sullivan", "New York", "https://example.com/a", "https://example.com/b", "the", "và", "45", "300")
                .list().ofMaxSize(12).map(w -> String.join(" ", w));
        Arbitrary<Pairer.Item> item = Combinators.combine(Arbitraries.of("en", "vi", "fr"),
                Arbitraries.of("k1", "k2", "k3").injectNull(0.8),
                Arbitraries.integers().between(0, 10).map(d -> LocalDate.of(2024, 5, 1).plusDays(d)).injectNull(0.2),
                paragraph.list().ofMinSize(1).ofMaxSize(4),
                Arbitraries.of(true, true, true, false)).as((lang, key, date, paras, auto) -> new Pairer.Item(null, lang, key, date,
                Evidence.of(paras), auto));
        return item.list().ofMaxSize(60).map(items -> {
            List<Pairer.Item> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Pairer.Item it = items.get(i);
                out.add(new Pairer.Item(String.format("a%02d", i), it.lang(), it.translationKey(), it.date(), it.evidence(), it.auto()));
            }
            return out;
        });
    }

    @Property(tries = 300)
    void sameDecisionsAsTheSortedMapVersion(@ForAll @From("sites") List<Pairer.Item> items) {
        assertEquals(new ReferencePairer(0.5, 0.2).pair(items), new Pairer(0.5, 0.2).pair(items));
    }
}
