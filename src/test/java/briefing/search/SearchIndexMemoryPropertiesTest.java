package briefing.search;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A remembering index, taken through builds where documents are edited, added, removed and
 * moved, writes at every build exactly the files an index made from nothing writes, and a
 * file's digest always names its text.
 */
class SearchIndexMemoryPropertiesTest {
    /** One change between builds: what happens at position {@code at} (taken modulo the size). */
    record Step(int kind, int at, String text) {}

    @Provide
    Arbitrary<String> texts() {
        // few words, so documents share postings and shards; "Nội" and "noi" fold together
        return Arbitraries.of("harbour", "cargo", "Nội", "noi", "trade", "chips", "ships", "đà", "da", "tariff", "rain")
                .list().ofMinSize(0).ofMaxSize(8).map(w -> String.join(" ", w));
    }

    @Provide
    Arbitrary<List<List<Step>>> builds() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 40),
                texts()).as(Step::new);
        return step.list().ofMaxSize(4).list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 200)
    void everyBuildWritesWhatAFreshIndexWrites(@ForAll("startSize") int size, @ForAll @From("builds") List<List<Step>> builds) {
        List<SearchIndex.Doc> docs = new ArrayList<>();
        for (int i = 0; i < size; i++) docs.add(doc(i, "harbour cargo trade " + i));
        SearchIndex.Memory memory = new SearchIndex.Memory();
        Map<SearchIndex.Doc, SearchIndex.Terms> known = new IdentityHashMap<>();
        int made = size;
        check(docs, memory, known);
        for (List<Step> build : builds) {
            for (Step s : build) {
                int at = docs.isEmpty() ? 0 : s.at() % docs.size();
                switch (s.kind()) {
                    case 0 -> docs.add(Math.min(at, docs.size()), doc(made++, s.text()));
                    case 1 -> { if (!docs.isEmpty()) docs.remove(at); }
                    case 2 -> { if (!docs.isEmpty()) docs.set(at, docs.get(at).withText(s.text())); }
                    case 3 -> { if (!docs.isEmpty()) docs.add(docs.remove(at)); } // its date changed: it moves
                    default -> { } // nothing changed
                }
            }
            check(docs, memory, known);
        }
    }

    @Provide
    Arbitrary<Integer> startSize() {
        return Arbitraries.integers().between(0, 8 * SearchIndex.CHUNK);
    }

    /** One build through {@code memory}, as the renderer runs it: an unchanged document comes with its words of last time. */
    private static void check(List<SearchIndex.Doc> docs, SearchIndex.Memory memory, Map<SearchIndex.Doc, SearchIndex.Terms> known) {
        SearchIndex remembering = new SearchIndex(l -> SearchIndexTest.STOP.getOrDefault(l, java.util.Set.of()), memory);
        Map<SearchIndex.Doc, SearchIndex.Terms> now = new IdentityHashMap<>();
        for (SearchIndex.Doc d : docs) {
            SearchIndex.Terms t = known.containsKey(d) ? known.get(d) : remembering.terms(d);
            now.put(d, t);
            assertNull(remembering.add(d, t), "a remembering index hands out its files at the end");
        }
        known.clear();
        known.putAll(now);
        SortedMap<String, String> files = new TreeMap<>();
        for (SearchIndex.File f : remembering.finish()) {
            assertNull(files.put(f.path(), f.text()), f.path());
            assertEquals(sha(f.text()), f.digest(), f.path());
        }
        assertEquals(SearchIndexTest.index(docs), files);
    }

    private static SearchIndex.Doc doc(int n, String text) {
        return new SearchIndex.Doc("en/articles/" + n + "/", n % 3 == 0 ? "vi" : "en", n % 3 == 0 ? "vi" : "en", null,
                "Story " + n, List.of(), text);
    }

    private static String sha(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
