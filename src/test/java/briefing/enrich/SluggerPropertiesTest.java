package briefing.enrich;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The slug is a URL path segment and a folder name: it must be safe for any title or front matter value. */
class SluggerPropertiesTest {
    private static final Set<String> WINDOWS_RESERVED = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3",
            "com4", "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    @Provide
    Arbitrary<String> titles() {
        Arbitrary<String> hostile = Arbitraries.of("../", "..\\", "/", "C:\\", "CON", "nul", "index", "topics", ".", "..",
                "%2e%2e%2f", "\u0000", "Việt Nam", "Đà Nẵng", "中国", "Łódź", "  ", "-", "—", "\u202e", "\uD83D\uDE00");
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.strings().withChars("aZ09-_. /\\:đĐệ…").ofMaxLength(120),
                hostile.list().ofMaxSize(8).map(l -> String.join("", l)));
    }

    @Property(tries = 1000)
    void alwaysASafeNonEmptySegment(@ForAll @From("titles") String title) {
        String slug = Slugger.slug(title);
        assertTrue(slug.matches("[a-z0-9]+(-[a-z0-9]+)*"), () -> "'" + slug + "' from '" + title + "'");
        assertFalse(WINDOWS_RESERVED.contains(slug), slug);
        assertTrue(slug.length() <= 100, slug);
    }

    @Property(tries = 500)
    void stableAndIdempotent(@ForAll @From("titles") String title) {
        String slug = Slugger.slug(title);
        assertEquals(slug, Slugger.slug(title));
        assertEquals(slug, Slugger.slug(slug));
    }
}
