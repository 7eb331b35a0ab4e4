package briefing.build;

import briefing.model.Article;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** Topic tagging, topic pages, pagination and feeds, seen in built sites. */
class TopicSiteTest {
    static final String BASE = "https://example.org/briefing/";
    static final Set<String> COUNTRIES = Set.of("us", "china", "japan", "korea", "asean", "russia", "eu", "india");

    @TempDir
    static Path tmp;
    static Path seedSite;
    static BuildReport seedReport;

    @BeforeAll
    static void buildSeeds() throws Exception {
        Path src = tmp.resolve("seeds");
        Files.createDirectories(src);
        try (Stream<Path> s = Files.list(Path.of("seeds"))) {
            for (Path p : s.toList()) Files.copy(p, src.resolve(p.getFileName()));
        }
        Files.writeString(src.resolve("weather.md"), "---\ntitle: A quiet week\nlang: en\ndate: 2024-09-01\n---\nNothing happened this week.\n");
        Files.writeString(tmp.resolve("site.yml"), "baseUrl: " + BASE + "\n");
        seedSite = tmp.resolve("site");
        seedReport = new Builder().build(new Builder.Options(src, seedSite, Path.of("templates"), tmp.resolve("site.yml"), null, false));
    }

    static Article seed(String prefix) {
        return seedReport.articleList().stream().filter(a -> a.id().startsWith(prefix)).findFirst().orElseThrow();
    }

    /**
     * 000 (Indonesian), 002 (English) and 003 (Vietnamese) report To Lam's meetings in New York
     * on US relations and hi-tech (AI, semiconductors) cooperation; 004 (German) a US
     * semiconductor delegation's visit; 001 (Indonesian) the state visit to Korea. None names
     * another country more than in passing, so each has exactly one country.
     */
    @Test
    void seedsAreTaggedWithTheirSubjectsAndNoCountryMentionedInPassing() {
        Map<String, Set<String>> countries = new TreeMap<>();
        for (String s : List.of("000", "001", "002", "003", "004")) {
            Set<String> keys = new TreeSet<>(seed(s).topicKeys());
            keys.retainAll(COUNTRIES);
            countries.put(s, keys);
            if (!s.equals("001")) {
                assertTrue(seed(s).topicKeys().contains("semiconductors") || seed(s).topicKeys().contains("ai"),
                        s + " is about hi-tech cooperation: " + seed(s).topics());
            }
        }
        assertEquals(Map.of("000", Set.of("us"), "001", Set.of("korea"), "002", Set.of("us"), "003", Set.of("us"),
                "004", Set.of("us")), countries);
        assertEquals(seed("002").topicKeys(), seed("003").topicKeys(), "a translation is listed under the same topics");
        assertTrue(seedReport.summary(true).contains("topics: 004_be99f91105cecda6.txt: semiconductors "));
    }

    @Test
    void theBuildReportListsArticlesWithNoTopic() {
        assertTrue(seedReport.problems().stream().anyMatch(p -> p.file().equals("weather.md") && p.message().startsWith("no topic found")));
        assertTrue(seedReport.problems().stream().noneMatch(p -> p.file().startsWith("00") && p.message().startsWith("no topic found")));
        assertTrue(seedReport.summary(true).contains("topics: weather.md: none"));
    }

    @Test
    void theUnitedStatesPageListsTheFourArticlesInBothEditionsWithItsLabels() throws IOException {
        Set<String> expected = Stream.of("000", "002", "003", "004").map(s -> seed(s).title()).collect(Collectors.toSet());
        for (String[] ed : new String[][] {{"en", "United States", "Topics"}, {"vi", "Hoa Kỳ", "Chủ đề"}}) {
            Document d = Jsoup.parse(seedSite.resolve(ed[0] + "/topics/us/index.html").toFile(), "UTF-8");
            assertEquals(ed[1], d.selectFirst("h1").text());
            assertEquals(expected, new HashSet<>(d.select(".card-title").eachText()));
            Document overview = Jsoup.parse(seedSite.resolve(ed[0] + "/topics/index.html").toFile(), "UTF-8");
            assertEquals(ed[2], overview.selectFirst("h1").text());
            assertTrue(overview.select(".topic-index a").eachText().contains(ed[1]));
        }
    }

    @Test
    void everyFeedIsWellFormedAtomWithAbsoluteLinks() throws Exception {
        List<Path> feeds;
        try (Stream<Path> s = Files.walk(seedSite)) {
            feeds = s.filter(p -> p.getFileName().toString().equals("feed.xml")).toList();
        }
        assertTrue(feeds.size() > 10, "a feed per edition and per topic: " + feeds.size());
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        String atom = "http://www.w3.org/2005/Atom";
        for (Path p : feeds) {
            org.w3c.dom.Element feed = f.newDocumentBuilder().parse(p.toFile()).getDocumentElement();
            assertEquals(atom, feed.getNamespaceURI(), p.toString());
            assertEquals("feed", feed.getLocalName());
            // RFC 4287 4.1.1: exactly one id, title and updated; an author unless every entry has one
            for (String el : List.of("id", "title", "updated")) assertEquals(1, children(feed, el).size(), p + " " + el);
            OffsetDateTime.parse(children(feed, "updated").get(0).getTextContent());
            assertTrue(children(feed, "id").get(0).getTextContent().startsWith(BASE), p.toString());
            List<org.w3c.dom.Element> entries = children(feed, "entry");
            assertFalse(entries.isEmpty(), p.toString());
            for (org.w3c.dom.Element e : entries) {
                for (String el : List.of("id", "title", "updated")) assertEquals(1, children(e, el).size(), p + " entry " + el);
                assertEquals(1, children(e, "author").size(), p + " entry author");
                OffsetDateTime.parse(children(e, "updated").get(0).getTextContent());
                assertTrue(children(e, "id").get(0).getTextContent().startsWith(BASE));
                List<org.w3c.dom.Element> links = children(e, "link");
                assertEquals(1, links.size());
                String href = links.get(0).getAttribute("href");
                assertTrue(href.startsWith(BASE), href);
                assertTrue(Files.isRegularFile(seedSite.resolve(href.substring(BASE.length())).resolve("index.html")), href);
            }
            for (org.w3c.dom.Element l : children(feed, "link")) assertTrue(l.getAttribute("href").startsWith(BASE), p + ": " + l.getAttribute("href"));
        }
    }

    private static List<org.w3c.dom.Element> children(org.w3c.dom.Element parent, String name) {
        List<org.w3c.dom.Element> out = new ArrayList<>();
        NodeList nl = parent.getChildNodes();
        for (int i = 0; i < nl.getLength(); i++) {
            if (nl.item(i) instanceof org.w3c.dom.Element e && "http://www.w3.org/2005/Atom".equals(e.getNamespaceURI())
                    && name.equals(e.getLocalName())) out.add(e);
        }
        return out;
    }

    @Test
    void aSitesOwnTaxonomyReplacesTheTopicPagesWithoutCodeChanges() throws Exception {
        Path dir = tmp.resolve("own");
        Path src = dir.resolve("seeds");
        Files.createDirectories(src);
        Files.writeString(src.resolve("a.md"), "---\ntitle: Rice exports to the Philippines rise\nlang: en\ndate: 2024-05-01\n---\n"
                + "Rice exports to the United States and the Philippines rose again.\n");
        Files.writeString(src.resolve("b.md"), "---\ntitle: Xuất khẩu gạo sang Philippines tăng\nlang: vi\ndate: 2024-05-02\n---\n"
                + "Xuất khẩu gạo sang Mỹ và Philippines tiếp tục tăng.\n");
        Files.writeString(dir.resolve("farming.yml"), """
                groups:
                  food: {en: Food, vi: Lương thực}
                topics:
                  rice:
                    group: food
                    label: {en: Rice, vi: Lúa gạo}
                    keywords: {en: [rice], vi: [gạo, lúa gạo]}
                """);
        Files.writeString(dir.resolve("builtin.yml"), "languages: [en, vi]\n");
        Files.writeString(dir.resolve("own.yml"), "taxonomy: farming.yml\n");
        Path before = dir.resolve("before"), after = dir.resolve("after");
        new Builder().build(new Builder.Options(src, before, Path.of("templates"), dir.resolve("builtin.yml"), null, false));
        new Builder().build(new Builder.Options(src, after, Path.of("templates"), dir.resolve("own.yml"), null, false));
        assertTrue(Files.isRegularFile(before.resolve("en/topics/us/index.html")));
        assertFalse(Files.exists(before.resolve("en/topics/rice")));
        assertFalse(Files.exists(after.resolve("en/topics/us")));
        for (String[] ed : new String[][] {{"en", "Rice", "Food"}, {"vi", "Lúa gạo", "Lương thực"}}) {
            Document d = Jsoup.parse(after.resolve(ed[0] + "/topics/rice/index.html").toFile(), "UTF-8");
            assertEquals(ed[1], d.selectFirst("h1").text());
            assertEquals(2, d.select(".card").size());
            Document overview = Jsoup.parse(after.resolve(ed[0] + "/topics/index.html").toFile(), "UTF-8");
            assertEquals(List.of(ed[2]), overview.select(".topic-group h2").eachText());
        }
    }

    /**
     * A 2,000-article site, generated like {@code make_corpus.py --format md}: en/vi articles,
     * two fifths of them in translation pairs, each on a country and a theme. Every topic's
     * pages chain by previous/next links, none is empty, together they list the topic's articles
     * once each; every article page offers 3 to 5 related articles, mostly in its own language.
     */
    @Test
    void aLargeSitePaginatesEveryTopicAndRelatesEveryArticle() throws Exception {
        Path dir = tmp.resolve("large");
        Path src = dir.resolve("seeds");
        int n = generate(src, 2000);
        Path out = dir.resolve("site");
        BuildReport r = new Builder().build(new Builder.Options(src, out, Path.of("templates"), dir.resolve("none.yml"), null, false));
        assertEquals(n, r.articles());
        Map<String, Integer> perTopic = new TreeMap<>();
        for (Article a : r.articleList()) for (String t : a.topicKeys()) perTopic.merge(t, 1, Integer::sum);
        assertTrue(perTopic.size() >= 8, perTopic.toString());
        for (String ed : List.of("en", "vi")) {
            for (Map.Entry<String, Integer> t : perTopic.entrySet()) {
                Path page = out.resolve(ed + "/topics/" + t.getKey() + "/index.html");
                Set<String> seen = new HashSet<>();
                int pages = 0;
                Path previous = null;
                while (page != null) {
                    pages++;
                    Document d = Jsoup.parse(page.toFile(), "UTF-8");
                    List<String> cards = d.select(".card-title a").eachAttr("href");
                    assertFalse(cards.isEmpty(), "empty page " + page);
                    assertTrue(cards.size() <= 20, page.toString());
                    for (String c : cards) assertTrue(seen.add(page.getParent().resolve(c).normalize().toString()), "listed twice: " + c);
                    Element prev = d.selectFirst(".pagination a[rel=prev]");
                    if (previous == null) assertNull(prev, "a first page has no previous");
                    else assertEquals(previous, BilingualSiteTest.target(page, prev.attr("href")));
                    Element next = d.selectFirst(".pagination a[rel=next]");
                    previous = page;
                    page = next == null ? null : BilingualSiteTest.target(page, next.attr("href"));
                    if (next != null) assertNotNull(page, "next leads nowhere from " + previous);
                }
                assertEquals(t.getValue(), seen.size(), ed + " " + t.getKey());
                assertEquals((t.getValue() + 19) / 20, pages, ed + " " + t.getKey());
            }
        }
        int sameLang = 0, total = 0;
        for (Article a : r.articleList()) {
            assertTrue(a.related().size() >= 3 && a.related().size() <= 5, a.id() + " has " + a.related().size() + " related");
            for (String id : a.related()) {
                total++;
                if (id.endsWith("." + a.lang() + ".md")) sameLang++;
            }
        }
        assertTrue(sameLang * 10 >= total * 7, "same language preferred (half would be chance): " + sameLang + " of " + total);
        Document any = Jsoup.parse(BilingualSiteTest.htmlPages(out.resolve("vi/articles")).get(0).toFile(), "UTF-8");
        assertTrue(any.select(".story-links h2").eachText().contains("Bài liên quan"));
    }

    /** Writes {@code stories} stories as Markdown, a quarter of them as en+vi pairs; returns the number of files. */
    static int generate(Path dir, int articles) throws IOException {
        Files.createDirectories(dir);
        String[][] countries = {{"the United States", "Hoa Kỳ"}, {"South Korea", "Hàn Quốc"}, {"Japan", "Nhật Bản"},
                {"China", "Trung Quốc"}, {"ASEAN", "ASEAN"}};
        String[][] themes = {{"semiconductors", "chất bán dẫn"}, {"artificial intelligence", "trí tuệ nhân tạo"},
                {"trade", "thương mại"}, {"investment", "đầu tư"}, {"education", "giáo dục"}, {"climate change", "biến đổi khí hậu"},
                {"defense", "quốc phòng"}};
        Random rnd = new Random(7);
        int files = 0, story = 0;
        while (files < articles) {
            story++;
            String[] c = countries[rnd.nextInt(countries.length)], t = themes[rnd.nextInt(themes.length)];
            LocalDate date = LocalDate.of(2020, 1, 1).plusDays(rnd.nextInt(1500));
            boolean pair = rnd.nextInt(4) == 0 && files + 2 <= articles;
            List<String> langs = pair ? List.of("en", "vi") : List.of(rnd.nextBoolean() ? "en" : "vi");
            for (String lang : langs) {
                boolean en = lang.equals("en");
                String title = en ? "Vietnam and " + c[0] + " expand cooperation on " + t[0] + " (" + story + ")"
                        : "Việt Nam và " + c[1] + " mở rộng hợp tác về " + t[1] + " (" + story + ")";
                StringBuilder body = new StringBuilder();
                for (int p = 0; p < 6; p++) {
                    body.append(en ? "Officials said cooperation with " + c[0] + " on " + t[0] + " will deepen, with "
                            + (story * 7 + p) + " projects planned.\n\n"
                            : "Các quan chức cho biết hợp tác với " + c[1] + " về " + t[1] + " sẽ sâu rộng hơn, với "
                            + (story * 7 + p) + " dự án.\n\n");
                }
                String fm = "---\ntitle: \"" + title + "\"\ndate: " + date + "\nlang: " + lang
                        + (pair ? "\ntranslationKey: story-" + story : "") + "\n---\n";
                Files.writeString(dir.resolve("story-" + story + "." + lang + ".md"), fm + body, StandardCharsets.UTF_8);
                files++;
            }
        }
        return files;
    }
}
