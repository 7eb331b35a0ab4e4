package briefing.source;

import briefing.model.Problem;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Front matter comes from editors and scrapers: no text may make the reader throw or lose the body. */
class FrontMatterPropertiesTest {
    private static final FrontMatterReader READER = new FrontMatterReader();

    @Provide
    Arbitrary<String> yamlLines() {
        Arbitrary<String> key = Arbitraries.oneOf(Arbitraries.of(FrontMatterReader.KEYS.toArray(String[]::new)),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8));
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.of("2024-09-23", "2024-13-45", "true", "maybe", "[a, b]", "[a, [b]]", "{x: 1}", "&a [1, 2]", "*a",
                        "*undefined", "!!python/object:os.system", "!!binary aGVsbG8=", "'unclosed", "\"esc \\x\"", "|", ">-",
                        "~", "null", "0x1F", "1e400", "- item", "javascript:alert(1)", "https://example.org/a", ""),
                Arbitraries.strings().all().ofMaxLength(30));
        Arbitrary<String> line = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                key.flatMap(k -> value.map(v -> k + ": " + v)),
                value.map(v -> "  " + v));
        return line.list().ofMaxSize(12).map(l -> String.join("\n", l));
    }

    @Property(tries = 1000)
    void readNeverThrowsAndPointsInsideTheBlock(@ForAll @From("yamlLines") String yaml) {
        List<Problem> problems = new ArrayList<>();
        assertNotNull(READER.read("f.md", yaml, problems));
        long lines = yaml.chars().filter(c -> c == '\n').count() + 1;
        for (Problem p : problems) {
            assertTrue(p.line() >= 1 && p.line() <= lines + 2, p.toString());
            assertFalse(p.message().isBlank());
        }
    }

    @Property(tries = 1000)
    void splitNeverThrowsAndKeepsTheBody(@ForAll @From("yamlLines") String yaml, @ForAll boolean closed,
                                         @ForAll @From("yamlLines") String body) {
        String text = "---\n" + yaml + (closed ? "\n---\n" : "\n") + body;
        FrontMatterReader.Split s = READER.split("f.md", text, new ArrayList<>());
        assertTrue(text.endsWith(s.body()), "the body is the end of the file");
        String before = text.substring(0, text.length() - s.body().length());
        assertEquals(before.chars().filter(c -> c == '\n').count() + 1, s.bodyStartLine());
        if (closed) assertTrue(body.length() <= s.body().length(), "no body text lost");
    }

    @Property(tries = 300)
    void anyTextWithoutAFenceIsAllBody(@ForAll String text) {
        if (text.startsWith("---")) return;
        FrontMatterReader.Split s = READER.split("f.txt", text, new ArrayList<>());
        assertEquals(text, s.body());
        assertEquals(1, s.bodyStartLine());
    }
}
