package briefing.enrich;

import briefing.model.TopicScore;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TopicTaggerTest {
    private static final TopicTagger TAGGER = new TopicTagger(TaxonomyReader.builtIn());

    private static List<String> keys(String lang, String title, String lede, String rest) {
        return TAGGER.tag(lang, title, lede, rest, 0.75, 5).stream().map(TopicScore::key).toList();
    }

    @Test
    void oneTopicAcrossLanguages() {
        assertTrue(keys("id", "Kerja sama semikonduktor", "", "").contains("semiconductors"));
        assertTrue(keys("de", "Zusammenarbeit in der Halbleiterindustrie", "", "").contains("semiconductors"));
        assertTrue(keys("vi", "Hợp tác bán dẫn", "", "").contains("semiconductors"));
        assertTrue(keys("zh", "半导体合作", "", "").contains("semiconductors"));
    }

    @Test
    void acronymsAndVietnameseNamesMatchOnlyAsWritten() {
        assertFalse(keys("en", "Let us talk about it", "", "").contains("us"));
        assertTrue(keys("en", "Vietnam-US ties", "", "").contains("us"));
        assertFalse(keys("vi", "Cập nhật tin tức mới nhất", "", "").contains("japan"), "'nhật' inside 'cập nhật' is not Japan");
        assertFalse(keys("vi", "Triển lãm mỹ thuật", "", "").contains("us"), "'mỹ thuật' (fine arts) is not the US");
        assertTrue(keys("vi", "Quan hệ Việt - Mỹ", "", "").contains("us"));
    }

    @Test
    void aCountryMentionedOnceInPassingIsNotATopic() {
        String body = "The two ministers discussed cooperation in education and training. ".repeat(40)
                + "The delegation later flew on to Japan. ";
        assertFalse(keys("en", "Ministers meet in Hanoi", "They met on Monday.", body).contains("japan"));
    }

    @Test
    void longestPhraseWins() {
        List<TopicScore> t = TAGGER.tag("en", "South Korea", "", "", 0, 10);
        assertEquals("korea", t.get(0).key());
        assertEquals(1, t.size());
    }

    @Test
    void phrasesThatOnlyContainAKeywordDoNotCount() {
        assertFalse(keys("vi", "Lễ hội ở Mỹ Tho", "Du khách đến Mỹ Tho dịp Chủ Nhật", "").contains("us"), "Mỹ Tho is a city");
        assertFalse(keys("vi", "Chợ phiên Chủ Nhật", "Chủ Nhật này chợ mở cửa", "").contains("japan"), "Chủ Nhật is Sunday");
        assertTrue(keys("vi", "Thủ tướng thăm Nhật Bản", "", "").contains("japan"));
        assertFalse(keys("en", "Trade with Latin America", "Latin America buys more rice", "").contains("us"));
        List<String> climate = keys("en", "The investment climate improves", "Investors praise the investment climate", "");
        assertTrue(climate.contains("investment") && !climate.contains("climate"), "a negative phrase blocks only its own topic: " + climate);
        assertFalse(keys("vi", "Tập đoàn Samsung mở nhà máy", "Tập đoàn đầu tư thêm", "").contains("visits"), "tập đoàn is a company");
        assertFalse(keys("ko", "인도네시아와 협력", "인도네시아 대통령", "").contains("india"), "Indonesia is not India");
        assertTrue(keys("ko", "인도와 협력", "인도 총리", "").contains("india"));
    }

    @Test
    void diacriticsDecideVietnameseWords() {
        assertTrue(keys("vi", "Hợp tác bán dẫn", "", "").contains("semiconductors"));
        assertFalse(keys("vi", "Hợp tác bán dạn ban dan", "", "").contains("semiconductors"));
    }

    @Test
    void cjkPhrasesMatchAsWrittenAndNothingShorter() {
        assertTrue(keys("ja", "日米首脳会談", "", "").contains("us"));
        assertFalse(keys("ja", "新米の価格", "米の収穫", "").contains("us"), "米 alone is rice");
        assertTrue(keys("zh", "越南与美国", "", "").contains("us"));
    }

    @Test
    void everyTopicHasKeywordsInTheTenLanguages() {
        for (var t : TaxonomyReader.builtIn().topics()) {
            for (String lang : List.of("vi", "en", "id", "de", "fr", "es", "zh", "ja", "ko", "ru")) {
                assertFalse(t.keywords().getOrDefault(lang, List.of()).isEmpty(), t.key() + " has no " + lang + " keywords");
            }
            assertFalse(t.label("vi").equals(t.key()), t.key() + " has no Vietnamese label");
        }
    }

    @Test
    void theTitleCountsMoreThanTheBodyAndLongTextsAreNormalised() {
        double inTitle = score("Semiconductor plant opens", "It opened today.", "");
        double inBody = score("A plant opens", "It opened today.", "It makes a semiconductor.");
        assertTrue(inTitle > inBody, inTitle + " vs " + inBody);
        String para = "The ministers spoke about many other things at length during the long meeting in Hanoi. ";
        double shortText = score("Plant opens", "A semiconductor plant opened.", para.repeat(5));
        double longText = score("Plant opens", "A semiconductor plant opened.", para.repeat(100));
        // twenty times the words: a square root divides by about 3, a proportional measure by about 9
        assertTrue(longText < shortText / 2, shortText + " vs " + longText);
        assertTrue(longText > shortText / 6, "square root, not proportional: " + shortText + " vs " + longText);
    }

    @Test
    void thresholdAndCapApply() {
        String text = "Semiconductors, AI, trade, investment, education, climate and defense with the United States, China and Japan.";
        assertEquals(2, TAGGER.tag("en", text, "", "", 0, 2).size());
        assertTrue(TAGGER.tag("en", text, "", "", 100, 10).isEmpty());
    }

    private static double score(String title, String lede, String rest) {
        return TAGGER.tag("en", title, lede, rest, 0, 10).stream().filter(t -> t.key().equals("semiconductors"))
                .findFirst().orElseThrow().score();
    }
}
