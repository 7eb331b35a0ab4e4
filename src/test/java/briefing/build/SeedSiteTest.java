package briefing.build;

import briefing.cli.Main;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** Builds the five sample seeds the way the README says and reads the pages as a visitor would. */
class SeedSiteTest {
    @TempDir
    static Path tmp;
    static Path site;

    @BeforeAll
    static void build() {
        site = tmp.resolve("site");
        int code = Main.run("build", "--source", "seeds", "--out", site.toString(), "--config", tmp.resolve("none.yml").toString());
        assertEquals(0, code);
    }

    static Document page(String path) throws IOException {
        Path f = site.resolve(path);
        assertTrue(Files.isRegularFile(f), "missing page " + path);
        return Jsoup.parse(f.toFile(), "UTF-8");
    }

    static List<Path> htmlPages() throws IOException {
        try (Stream<Path> s = Files.walk(site)) {
            return s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    static Path articlePage(String lang, String titleStart) throws IOException {
        try (Stream<Path> s = Files.walk(site.resolve(lang).resolve("articles"))) {
            for (Path p : s.filter(p -> p.getFileName().toString().equals("index.html")).toList()) {
                if (Jsoup.parse(p.toFile(), "UTF-8").selectFirst("h1").text().startsWith(titleStart)) return p;
            }
        }
        fail("no article page in " + lang + " titled " + titleStart);
        return null;
    }

    @Test
    void entryEditionsArticlesAndTopicPagesExist() throws IOException {
        page("index.html");
        page("en/index.html");
        page("vi/index.html");
        page("en/topics/index.html");
        page("vi/topics/index.html");
        page("en/topics/us/index.html");
        page("vi/topics/us/index.html");
        long articles;
        try (Stream<Path> s = Files.walk(site)) {
            articles = s.filter(p -> p.toString().contains("/articles/") && p.getFileName().toString().equals("index.html")).count();
        }
        assertEquals(5, articles);
    }

    @Test
    void aTabShowsTheSiteTitleOnceAndAPageTitleBeforeIt() throws IOException {
        assertEquals("Vietnam Foreign Relations Briefing", page("en/index.html").title());
        assertEquals("Bản tin Đối ngoại Việt Nam", page("vi/index.html").title());
        assertEquals("Topics · Vietnam Foreign Relations Briefing", page("en/topics/index.html").title());
    }

    @Test
    void everyInternalLinkResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path p : htmlPages()) {
            Document d = Jsoup.parse(p.toFile(), "UTF-8");
            for (Element e : d.select("a[href], link[href], script[src]")) {
                String href = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                if (href.startsWith("http://") || href.startsWith("https://") || href.startsWith("#")) continue;
                assertFalse(href.startsWith("/"), "root-absolute link breaks under a sub-path: " + href + " in " + p);
                Path target = p.getParent().resolve(URI.create(href.replace(" ", "%20")).getPath()).normalize();
                if (Files.isDirectory(target)) target = target.resolve("index.html");
                if (!Files.isRegularFile(target) || !target.startsWith(site)) broken.add(site.relativize(p) + " → " + href);
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void translationsLinkToEachOther() throws IOException {
        Path en = articlePage("en", "Vietnam aims for hi-tech cooperation");
        Path vi = articlePage("vi", "Việt Nam muốn tạo đột phá");
        Document de = Jsoup.parse(en.toFile(), "UTF-8"), dv = Jsoup.parse(vi.toFile(), "UTF-8");
        Element toVi = de.selectFirst("link[rel=alternate][hreflang=vi]");
        Element toEn = dv.selectFirst("link[rel=alternate][hreflang=en]");
        assertNotNull(toVi);
        assertNotNull(toEn);
        assertEquals(vi, en.getParent().resolve(toVi.attr("href")).normalize().resolve("index.html"));
        assertEquals(en, vi.getParent().resolve(toEn.attr("href")).normalize().resolve("index.html"));
        assertEquals("en", de.selectFirst("html").attr("lang"));
        assertEquals("vi", dv.selectFirst("html").attr("lang"));
    }

    @Test
    void articlesInOtherLanguagesArePublishedWithTheirOwnLang() throws IOException {
        Document id = Jsoup.parse(articlePage("en", "Terus mengembangkan").toFile(), "UTF-8");
        assertEquals("id", id.selectFirst("html").attr("lang"));
        Document de = Jsoup.parse(articlePage("en", "Am 26. März").toFile(), "UTF-8");
        assertEquals("de", de.selectFirst("html").attr("lang"));
        Document vi = page("vi/index.html");
        assertTrue(vi.text().contains("Terus mengembangkan"), "listed in the Vietnamese edition too");
        assertTrue(vi.text().contains("Tiếng Indonesia"), "with its language marked");
    }

    @Test
    void captionsStayCaptionsAndBoilerplateNeverReachesAPage() throws IOException {
        Document d = Jsoup.parse(articlePage("en", "Vietnam aims for hi-tech cooperation").toFile(), "UTF-8");
        List<String> captions = d.select(".caption").eachText();
        assertEquals(2, captions.size());
        assertTrue(captions.get(0).endsWith("General Secretary and State President To Lam at the event."));
        for (Path p : htmlPages()) {
            String html = Files.readString(p);
            for (String junk : List.of("Komentar (0)", "No data", "[Anzeige_2]", "Độc lập - Tự do - Hạnh phúc", "View count", "FOREIGN RELATION NEWS")) {
                assertFalse(html.contains(junk), junk + " on " + p);
            }
        }
    }

    @Test
    void editionChromeIsInTheEditionsLanguage() throws IOException {
        Document vi = page("vi/index.html");
        assertEquals("vi", vi.selectFirst("html").attr("lang"));
        assertEquals("Bản tin mới nhất", vi.selectFirst("h1").text());
        assertTrue(vi.select("nav a").eachText().contains("Chủ đề"));
        Document en = page("en/index.html");
        assertEquals("Latest briefings", en.selectFirst("h1").text());
        assertTrue(en.select("nav a").eachText().contains("Topics"));
        Document topic = page("vi/topics/us/index.html");
        assertEquals("Hoa Kỳ", topic.selectFirst("h1").text());
        assertEquals("United States", page("en/topics/us/index.html").selectFirst("h1").text());
    }

    @Test
    void datesAreFormattedPerEdition() throws IOException {
        assertTrue(page("en/index.html").select("time").eachText().contains("September 23, 2024"));
        assertTrue(page("vi/index.html").select("time").eachText().contains("23 tháng 9, 2024"));
    }
}
