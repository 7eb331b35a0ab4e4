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
}
