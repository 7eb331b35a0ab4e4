package briefing.clean;

import briefing.lang.LanguageData;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** {@link Cues.Opening} offers a line every cue it opens with, in the order of the whole list. */
class CuesPropertiesTest {
    private static final LanguageData DATA = LanguageData.builtIn();
    private static final List<String> ROLES = List.of("source", "comments", "related", "caption", "byline", "posted", "views", "ads", "furniture");

    @Provide
    Arbitrary<List<String>> cueLists() {
        return Arbitraries.of(ROLES).map(role -> new ArrayList<>(DATA.cues(role))).flatMap(cues -> {
            cues.add("");
            cues.add("a");
            return Arbitraries.of(cues).list().uniqueElements().ofMaxSize(40)
                    .map(l -> l.stream().sorted((x, y) -> y.length() - x.length()).toList());
        });
    }

    @Provide
    Arbitrary<String> lines() {
        List<String> parts = new ArrayList<>(List.of("", " ", ": ", "x", "đ", "12", "(3)"));
        ROLES.forEach(r -> parts.addAll(DATA.cues(r)));
        return Arbitraries.of(parts).list().ofMaxSize(4).map(l -> String.join("", l));
    }

    @Property(tries = 3000)
    void offersEveryCueTheLineOpensWithInOrder(@ForAll @From("cueLists") List<String> cues, @ForAll @From("lines") String line) {
        List<String> expected = cues.stream().filter(line::startsWith).toList();
        assertEquals(expected, new Cues.Opening(cues).of(line).stream().filter(line::startsWith).toList(), line);
    }
}
