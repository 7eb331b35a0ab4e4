package briefing.enrich;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class PairerTest {
    private static final Pairer PAIRER = new Pairer(0.5, 0.2);

    private static Pairer.Item item(String id, String lang, String key, boolean auto, String... paras) {
        return new Pairer.Item(id, lang, key, null, null, Map.of(), Map.of(), Evidence.of(List.of(paras)), auto);
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

    /** A scraped article with nothing to share but its date, time and topics. */
    private static Pairer.Item scraped(String id, String lang, String time, Map<String, Double> topics, Map<String, Double> headline) {
        return new Pairer.Item(id, lang, null, LocalDate.of(2025, 1, 18), LocalTime.parse(time), topics, headline,
                Evidence.of(List.of("A paragraph with nothing to share.")), true);
    }

    private static final Map<String, Double> CHIPS = Map.of("japan", 6.0, "semiconductors", 9.0, "education", 1.0);
    private static final Map<String, Double> CHIPS_HEADLINE = Map.of("japan", 3.0, "semiconductors", 4.5);

    @Test
    void scrapedArticlesPublishedTogetherOnTheSameTopicsAreTranslations() {
        List<Pairer.Decision> d = PAIRER.pair(List.of(scraped("a.txt", "en", "09:15", CHIPS, CHIPS_HEADLINE),
                scraped("b.txt", "vi", "09:15", Map.of("japan", 4.0, "semiconductors", 7.0), CHIPS_HEADLINE)));
        assertEquals(1, d.size());
        assertEquals(Pairer.Decision.Kind.TRANSLATION, d.get(0).kind());
        assertTrue(d.get(0).evidence().contains("published 0 min apart"), d.get(0).evidence().toString());
    }

    @Test
    void publishedTogetherOnTheSameTopicsButStatingOtherFiguresAreTwoStories() {
        Pairer.Item en = new Pairer.Item("a.txt", "en", null, LocalDate.of(2025, 1, 18), LocalTime.of(9, 15), CHIPS, CHIPS_HEADLINE,
                Evidence.of(List.of("Exports rose 12 percent to 48 billion dollars, with 350 firms taking part.")), true);
        Pairer.Item vi = new Pairer.Item("b.txt", "vi", null, LocalDate.of(2025, 1, 18), LocalTime.of(9, 15), CHIPS, CHIPS_HEADLINE,
                Evidence.of(List.of("Có 17 trường đại học ký 26 thỏa thuận cho 640 sinh viên.")), true);
        assertEquals(List.of(), PAIRER.pair(List.of(en, vi)));
        Pairer.Item viSame = new Pairer.Item("c.txt", "vi", null, LocalDate.of(2025, 1, 18), LocalTime.of(9, 15), CHIPS, CHIPS_HEADLINE,
                Evidence.of(List.of("Xuất khẩu tăng 12 phần trăm, đạt 48 tỷ đô la, với 350 doanh nghiệp tham gia.")), true);
        assertEquals(1, PAIRER.pair(List.of(en, viSame)).size(), "the same figures in both: one story");
    }

    @Test
    void hoursApartTheSameTopicsLinkNothing() {
        // not even as the same event: many stories on one subject come out on one day
        assertTrue(PAIRER.pair(List.of(scraped("a.txt", "en", "09:15", CHIPS, CHIPS_HEADLINE),
                scraped("b.txt", "vi", "13:40", CHIPS, CHIPS_HEADLINE))).isEmpty());
    }

    @Test
    void aHeadlineOnOtherTopicsKeepsTwoStoriesApart() {
        assertTrue(PAIRER.pair(List.of(scraped("a.txt", "en", "09:15", CHIPS, CHIPS_HEADLINE),
                scraped("b.txt", "vi", "09:15", CHIPS, Map.of("korea", 3.0, "climate", 4.5)))).isEmpty());
    }

    @Test
    void theCloserOfTwoCandidatesIsTheTranslationAndTheOtherIsNotLinked() {
        List<Pairer.Decision> d = PAIRER.pair(List.of(scraped("en.txt", "en", "09:15", CHIPS, CHIPS_HEADLINE),
                scraped("later.txt", "vi", "09:20", CHIPS, CHIPS_HEADLINE), scraped("same.txt", "vi", "09:15", CHIPS, CHIPS_HEADLINE)));
        assertEquals(1, d.size(), d.toString());
        assertEquals(List.of("en.txt", "same.txt"), List.of(d.get(0).a(), d.get(0).b()));
    }

    @Test
    void publishedSevenMinutesApartStillPairOnTimeAndTopicsAloneEightNot() {
        // the time index must reach as far as the score does (0.1 + 0.5 / (1 + 7 / 30) rounds to 0.51)
        List<Pairer.Decision> d = PAIRER.pair(List.of(scraped("a.txt", "en", "09:15", CHIPS, CHIPS_HEADLINE),
                scraped("b.txt", "vi", "09:22", CHIPS, CHIPS_HEADLINE)));
        assertEquals(1, d.size());
        assertEquals(0.51, d.get(0).score());
        assertTrue(PAIRER.pair(List.of(scraped("a.txt", "en", "09:15", CHIPS, CHIPS_HEADLINE),
                scraped("b.txt", "vi", "09:23", CHIPS, CHIPS_HEADLINE))).isEmpty());
    }

    @Test
    void publishedTogetherAcrossMidnight() {
        Pairer.Item late = scraped("a.txt", "en", "23:58", CHIPS, CHIPS_HEADLINE);
        Pairer.Item early = new Pairer.Item("b.txt", "vi", null, late.date().plusDays(1), LocalTime.of(0, 1), CHIPS, CHIPS_HEADLINE,
                late.evidence(), true);
        assertEquals(Pairer.Decision.Kind.TRANSLATION, PAIRER.pair(List.of(late, early)).get(0).kind());
    }
}
