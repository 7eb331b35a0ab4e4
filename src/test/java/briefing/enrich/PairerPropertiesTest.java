package briefing.enrich;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** {@link Pairer}, which finds candidates through indexes and adds shared weights up in reused arrays, decides exactly as judging every pair does. */
class PairerPropertiesTest {
    @Provide
    Arbitrary<List<Pairer.Item>> sites() {
        Arbitrary<String> paragraph = Arbitraries.of("88", "1,340", "1.340", "11.8", "11,8", "22%", "2023", "2024", "1999", "7",
                "John Kerry", "Dan Sullivan", "New York", "https://example.com/a", "https://example.com/b", "the", "và", "45", "300")
                .list().ofMaxSize(12).map(w -> String.join(" ", w));
        // few times and topics, so that articles meet in time and on topics as often as they share numbers;
        // 9:00 and 9:07 are just close enough to pair on time and topics alone, 9:00 and 9:10 not
        Arbitrary<LocalTime> time = Arbitraries.of(LocalTime.of(0, 5), LocalTime.of(9, 0), LocalTime.of(9, 7), LocalTime.of(9, 10), LocalTime.of(23, 50))
                .injectNull(0.2);
        Arbitrary<Map<String, Double>> topics = Arbitraries.maps(Arbitraries.of("china", "trade", "ai"),
                Arbitraries.of(0.8, 6.5)).ofMinSize(1).ofMaxSize(2).injectNull(0.2).map(m -> m == null ? Map.of() : m);
        Arbitrary<Pairer.Item> item = Combinators.combine(Arbitraries.of("en", "vi", "fr"),
                Arbitraries.of("k1", "k2", "k3").injectNull(0.8),
                Arbitraries.integers().between(0, 3).map(d -> LocalDate.of(2024, 5, 1).plusDays(d)).injectNull(0.2),
                time, topics, topics.injectNull(0.5),
                paragraph.list().ofMinSize(1).ofMaxSize(4),
                Arbitraries.of(true, true, true, false)).as((lang, key, date, t, tp, headline, paras, auto) -> new Pairer.Item(null, lang,
                key, date, t, tp, headline == null ? tp : headline, Evidence.of(paras), auto));
        return item.list().ofMaxSize(60).map(items -> {
            List<Pairer.Item> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Pairer.Item it = items.get(i);
                out.add(new Pairer.Item(String.format("a%02d", i), it.lang(), it.translationKey(), it.date(), it.time(), it.topics(), it.headline(),
                        it.evidence(), it.auto()));
            }
            return out;
        });
    }

    @Property(tries = 300)
    void sameDecisionsAsJudgingEveryPair(@ForAll @From("sites") List<Pairer.Item> items) {
        List<Pairer.Decision> decisions = new Pairer(0.5, 0.2).pair(items);
        assertEquals(new ReferencePairer(0.5, 0.2).pair(items), decisions);
        // the sites generated must exercise both ways of pairing, or the comparison proves little
        Statistics.label("paired by time and topics")
                .collect(decisions.stream().anyMatch(d -> d.evidence().stream().anyMatch(e -> e.startsWith("published"))));
        Statistics.label("paired by shared evidence").collect(decisions.stream().anyMatch(d -> d.kind() == Pairer.Decision.Kind.SAME_EVENT));
        Statistics.label("paired by time and topics").coverage(c -> c.check(true).percentage(p -> p > 3));
        Statistics.label("paired by shared evidence").coverage(c -> c.check(true).percentage(p -> p > 3));
    }
}
