package briefing.enrich;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** {@link Aligner}, which reads lengths and anchors computed once per side, aligns exactly as the step-by-step version did. */
class AlignerPropertiesTest {
    @Provide
    Arbitrary<List<String>> paragraphs() {
        Arbitrary<String> words = Arbitraries.of("the", "trade", "reached", "đạt", "thương", "mại", "88", "1,340", "1.340", "11.8",
                "22%", "2023", "John Kerry", "Dan Sullivan", "New York", "https://example.com/a", "and", "với", "billion", "tỷ");
        Arbitrary<String> paragraph = words.list().ofMaxSize(40).map(w -> String.join(" ", w));
        return paragraph.list().ofMaxSize(12);
    }

    @Property(tries = 1000)
    void sameRowsAsTheStepByStepVersion(@ForAll @From("paragraphs") List<String> left, @ForAll @From("paragraphs") List<String> right) {
        assertEquals(ReferenceAligner.align("l", left, "r", right), Aligner.align("l", left, "r", right),
                () -> left + " | " + right);
    }
}
