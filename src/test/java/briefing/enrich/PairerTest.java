package briefing.enrich;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PairerTest {
    private static final Pairer PAIRER = new Pairer(0.5, 0.2);

    private static Pairer.Item item(String id, String lang, String key, boolean auto, String... paras) {
        return new Pairer.Item(id, lang, key, null, Evidence.of(List.of(paras)), auto);
    }

    @Test
    void numbersMatchAcrossFormats() {
        Evidence en = Evidence.of(List.of("About 1,340 projects worth $11.8 billion, up 22%."));
        Evidence vi = Evidence.of(List.of("Khoảng 1.340 dự án với 11,8 tỷ USD, tăng 22%."));
        assertEquals(en.features(), vi.features());
    }

    @Test
    void explicitKeyAlwaysWins() {
        List<Pairer.Decision> d = PAIRER.pair(List.of(
                item("a.en.md", "en", "story", false, "Nothing in common 1."),
                item("b.vi.md", "vi", "story", false, "Không có gì chung 2.")));
        assertEquals(1, d.size());
        assertEquals(Pairer.Decision.Kind.TRANSLATION, d.get(0).kind());
    }

    @Test
    void sameLanguageNeverPairs() {
        List<Pairer.Decision> d = PAIRER.pair(List.of(
                item("a", "en", null, true, "John Kerry met Dan Sullivan in 2023 about 88 billion and 1,340 projects."),
                item("b", "en", null, true, "John Kerry met Dan Sullivan in 2023 about 88 billion and 1,340 projects.")));
        assertTrue(d.isEmpty());
    }
}
