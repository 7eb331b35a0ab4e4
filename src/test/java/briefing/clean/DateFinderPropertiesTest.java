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
import java.util.Locale;
import java.util.regex.Matcher;

import static org.junit.jupiter.api.Assertions.*;

/** {@link DateFinder#monthFirst}, which searches only near a place a month name could end, finds what the whole-line search found. */
class DateFinderPropertiesTest {
    private static final LanguageData DATA = LanguageData.builtIn();
    private static final DateFinder FINDER = new DateFinder(DATA);

    @Provide
    Arbitrary<String> lines() {
        List<String> words = new ArrayList<>(List.of("5", "22", "2024", "123", "x", "the", "_", "on", "ſept", "\u212Aw", "İ", "ı",
                "Mai", "Σ", "đ", "tháng", "de", "st", "th", "a1", "9"));
        DATA.months().values().forEach(months -> months.forEach(names -> names.forEach(n -> {
            words.add(n);
            words.add(n.toUpperCase(Locale.ROOT));
            words.add(Character.toUpperCase(n.charAt(0)) + n.substring(1));
        })));
        Arbitrary<String> separators = Arbitraries.of(" ", " ", "  ", ". ", ".", "", ",", ", ", "\t", "\u00A0", "-", "/", "\n");
        return Arbitraries.of(words).list().ofMaxSize(30).flatMap(ws -> separators.list().ofSize(ws.size()).map(seps -> {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < ws.size(); i++) sb.append(ws.get(i)).append(seps.get(i));
            return sb.toString();
        }));
    }

    @Property(tries = 5000)
    void findsWhatTheWholeLineSearchFinds(@ForAll @From("lines") String line) {
        Matcher whole = FINDER.monthDayYear().matcher(line);
        Matcher near = FINDER.monthFirst(line);
        if (!whole.find()) {
            assertNull(near, line);
            return;
        }
        assertNotNull(near, line);
        assertEquals(whole.start(), near.start(), line);
        assertEquals(whole.group(), near.group(), line);
        for (int g = 1; g <= whole.groupCount(); g++) assertEquals(whole.group(g), near.group(g), line);
    }
}
