package briefing.zoo;

import briefing.clean.Cleaner;
import briefing.lang.LanguageData;
import briefing.lang.LanguageDetector;
import briefing.model.Cleaned;
import briefing.model.Format;
import briefing.model.RawDocument;
import briefing.source.SourceLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A 5 MB single line of each shape that once made a cleaner regex backtrack: one endless word
 * (quadratic), a dotted chain "a.a.a…" (stack overflow), dashes, digits and slashes, prose.
 * The time limit only tells a hang from a finish; the seconds are printed, not asserted.
 */
class LongLineTest {
    private static final LanguageData DATA = LanguageData.builtIn();
    private static final Cleaner CLEANER = new Cleaner(DATA, new LanguageDetector(DATA));

    @ParameterizedTest
    @ValueSource(strings = {"a", "a.", "- ", "1/", "The minister said the talks went well. "})
    void fiveMegabyteLineIsCleanedWithoutHanging(String unit) {
        String line = unit.repeat(5_000_000 / unit.length());
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        Cleaned c = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            long start = System.nanoTime();
            RawDocument d = new SourceLoader(10_000_000).parse("long.txt", Format.TXT, bytes, new ArrayList<>());
            Cleaned out = CLEANER.clean(d, Set.of());
            System.out.printf(Locale.ROOT, "5 MB line of '%s': loaded and cleaned in %.2f s%n", unit, (System.nanoTime() - start) / 1e9);
            return out;
        });
        assertEquals(1, c.verdicts().size(), "one line in, one line classified");
        assertEquals(line.strip(), c.verdicts().get(0).text());
    }
}
