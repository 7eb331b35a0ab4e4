package briefing.enrich;

import briefing.clean.Cleaner;
import briefing.lang.LanguageData;
import briefing.lang.LanguageDetector;
import briefing.model.Article;
import briefing.model.Format;
import briefing.model.Problem;
import briefing.model.SiteConfig;
import briefing.model.TopicScore;
import briefing.source.SourceLoader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class EnricherTest {
    private static final LanguageData DATA = LanguageData.load(Path.of("no-such-folder"));

    private record Site(LanguageDetector detector, Enricher enricher, Cleaner cleaner) {
        Article article(String file, String text, List<Problem> problems) {
            Format f = file.endsWith(".md") ? Format.MARKDOWN : Format.TXT;
            var raw = new SourceLoader(1_000_000).parse(file, f, text.getBytes(StandardCharsets.UTF_8), problems);
            return enricher.enrichOne(cleaner.clean(raw, Set.of()), problems);
        }
    }

    private static Site site() {
        LanguageDetector d = new LanguageDetector(DATA);
        return new Site(d, new Enricher(SiteConfig.defaults(), d, new TopicTagger(TaxonomyReader.builtIn())), new Cleaner(DATA, d));
    }

    @Test
    void markdownThatStatesItsLanguageNeverReachesLingua() {
        Site s = site();
        List<Problem> p = new ArrayList<>();
        // short and mixed: exactly the kind of text cheap evidence cannot decide
        Article byFrontMatter = s.article("a.md", "---\nlang: id\n---\nKTT ASEAN di Jakarta.\n", p);
        Article byName = s.article("b.vi.md", "---\ntitle: Hội nghị\n---\nASEAN Summit Jakarta.\n", p);
        assertEquals("id", byFrontMatter.lang());
        assertEquals("vi", byName.lang());
        assertEquals(0, s.detector().linguaCalls());
        Article unstated = s.article("c.md", "---\ntitle: x\n---\nDie Delegation reiste nach Hanoi und traf dort Vertreter.\n", p);
        assertEquals("de", unstated.lang());
    }

    @Test
    void frontMatterTopicsAddOrReplace() {
        Site s = site();
        List<Problem> p = new ArrayList<>();
        String body = "\n---\nThe United States and Vietnam agreed on semiconductor cooperation. Semiconductors lead.\n";
        Article added = s.article("a.md", "---\nlang: en\ntopics: [climate]" + body, p);
        Article replaced = s.article("b.md", "---\nlang: en\ntopics!: [climate]" + body, p);
        List<Article> linked = s.enricher().link(List.of(added, replaced), p).articles();
        Article a = linked.stream().filter(x -> x.id().equals("a.md")).findFirst().orElseThrow();
        Article b = linked.stream().filter(x -> x.id().equals("b.md")).findFirst().orElseThrow();
        assertEquals("climate", a.topicKeys().get(0), "stated topics come first");
        assertTrue(a.topicKeys().containsAll(List.of("climate", "semiconductors", "us")), a.topics().toString());
        assertEquals(List.of("climate"), b.topicKeys());
        assertTrue(Double.isInfinite(b.topics().get(0).score()));
    }

    @Test
    void unknownFrontMatterTopicIsReportedNotInvented() {
        Site s = site();
        List<Problem> p = new ArrayList<>();
        Article a = s.article("a.md", "---\nlang: en\ntopics: [weather]\n---\nRain in Hanoi.\n", p);
        assertTrue(a.topics().stream().map(TopicScore::key).noneMatch("weather"::equals));
        assertTrue(p.stream().anyMatch(x -> x.file().equals("a.md") && x.message().contains("'weather' is not in the taxonomy")));
    }

    @Test
    void fileNamesPairAndTranslationsShareTheirTopics() {
        Site s = site();
        List<Problem> p = new ArrayList<>();
        Article en = s.article("story.en.md", "---\ntitle: Chips\n---\nSemiconductor talks with the United States.\n", p);
        Article vi = s.article("story.vi.md", "---\ntitle: Chip\n---\nĐàm phán bán dẫn với Hoa Kỳ và Mỹ.\n", p);
        Article other = s.article("other.vi.md", "---\ntitle: Khác\n---\nĐàm phán bán dẫn với Hoa Kỳ.\n", p);
        Enricher.Result r = s.enricher().link(List.of(en, vi, other), p);
        assertEquals(1, r.pairs().size());
        assertEquals(List.of("story.en.md", "story.vi.md"), List.of(r.pairs().get(0).a(), r.pairs().get(0).b()));
        Article e = r.articles().stream().filter(x -> x.id().equals("story.en.md")).findFirst().orElseThrow();
        Article v = r.articles().stream().filter(x -> x.id().equals("story.vi.md")).findFirst().orElseThrow();
        assertEquals(e.topicKeys(), v.topicKeys());
        assertEquals(List.of("story.vi.md"), e.translations());
        assertEquals(1, r.parallels().size());
    }

    private static String page(String site, String headline, String dateLine, String... paragraphs) {
        return site + "\nHome | News | Business\n\n" + headline + "\n" + dateLine + "\n\n" + String.join("\n\n", paragraphs) + "\n";
    }

    @Test
    void scrapedPagesPublishedTogetherOnOneStoryPairWithoutSharedNumbersOrNames() {
        Site s = site();
        List<Problem> p = new ArrayList<>();
        Article en = s.article("chips.txt", page("Mekong Daily", "Vietnam and Japan expand cooperation on semiconductors",
                "Saturday, January 18, 2025 09:15 (GMT+7)",
                "Japanese chipmakers pledged on Friday to train engineers for the semiconductor industry and to open design centres near the capital.",
                "Officials said the plan covers research, chip packaging and supply chains over the coming decade, with Japan funding most of the training.",
                "Analysts said the semiconductor agreement could draw more investment and help local suppliers join regional supply chains."), p);
        Article vi = s.article("chip.txt", page("Báo Tin Nhanh", "Việt Nam và Nhật Bản mở rộng hợp tác về chất bán dẫn",
                "Thứ Bảy, 18/01/2025 - 09:15",
                "Các nhà sản xuất chip Nhật Bản cam kết đào tạo kỹ sư cho ngành chất bán dẫn và mở các trung tâm thiết kế gần thủ đô.",
                "Các quan chức cho biết kế hoạch bao gồm nghiên cứu, đóng gói chip và chuỗi cung ứng trong thập kỷ tới, phần lớn do Nhật Bản tài trợ.",
                "Giới phân tích nhận định thỏa thuận về chất bán dẫn có thể thu hút thêm đầu tư và giúp doanh nghiệp trong nước tham gia chuỗi cung ứng."), p);
        // the same minute, another story
        Article other = s.article("climate.txt", page("Báo Tin Nhanh", "Hàn Quốc tổ chức diễn đàn về biến đổi khí hậu",
                "Thứ Bảy, 18/01/2025 - 09:15",
                "Các chuyên gia Hàn Quốc cảnh báo biến đổi khí hậu đang làm nước biển dâng nhanh hơn dự báo ở nhiều vùng ven biển.",
                "Diễn đàn kêu gọi các nước tăng đầu tư vào năng lượng tái tạo để giảm phát thải khí nhà kính trong thập kỷ tới.",
                "Các đại biểu nhất trí rằng biến đổi khí hậu cần được ứng phó bằng hợp tác khu vực chặt chẽ hơn."), p);
        assertEquals("09:15", en.cleaned().time().toString());
        Enricher.Result r = s.enricher().link(List.of(en, vi, other), p);
        assertEquals(1, r.pairs().size(), r.pairs().toString());
        Pairer.Decision d = r.pairs().get(0);
        assertEquals(List.of("chip.txt", "chips.txt", Pairer.Decision.Kind.TRANSLATION), List.of(d.a(), d.b(), d.kind()));
        assertEquals(1, r.parallels().size());
    }
}
