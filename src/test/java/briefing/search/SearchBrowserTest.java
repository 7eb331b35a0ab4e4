package briefing.search;

import briefing.check.Browser;
import briefing.cli.Main;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Searches the built sites in headless Chromium, as a reader types into the search box. */
class SearchBrowserTest {
    @TempDir
    static Path tmp;
    static Path seedSite, fixtureSite;
    static Browser seeds, fixtures;

    @BeforeAll
    static void buildAndServe() throws Exception {
        seedSite = tmp.resolve("seed-site");
        assertEquals(0, Main.run("build", "--source", "seeds", "--out", seedSite.toString(), "--config", tmp.resolve("none.yml").toString()));
        Path src = Files.createDirectories(tmp.resolve("fixtures"));
        seed(src, "a.md", "vi", "2024-03-01", "Đà Nẵng đón đoàn khách Đông Nam Á",
                "Thành phố Đà Nẵng tiếp đón các đoàn khách từ nhiều nước Đông Nam Á trong tuần này.");
        seed(src, "b.md", "vi", "2024-03-02", "Quan hệ thương mại được mở rộng",
                "Hội nghị tại Hà Nội, ngày 3 tháng 1, bàn về quan hệ thương mại giữa các nước.");
        seed(src, "c.md", "vi", "2024-03-03", "Tin ngắn",
                "Ban tin viet khong dau: doan khach tu da nang di tham cac nuoc dong nam a.");
        seed(src, "d.md", "en", "2024-03-04", "Da Nang hosts regional tourism forum",
                "Delegates from Southeast Asia met in Da Nang, a coastal city in central Vietnam.");
        fixtureSite = tmp.resolve("fixture-site");
        assertEquals(0, Main.run("build", "--source", src.toString(), "--out", fixtureSite.toString(), "--config", tmp.resolve("none.yml").toString()));
        seeds = new Browser(seedSite, tmp.resolve("www-seeds"));
        fixtures = new Browser(fixtureSite, tmp.resolve("www-fixtures"));
    }

    private static void seed(Path dir, String name, String lang, String date, String title, String body) throws IOException {
        Files.writeString(dir.resolve(name), "---\ntitle: " + title + "\nlang: " + lang + "\ndate: " + date + "\n---\n\n" + body + "\n",
                StandardCharsets.UTF_8);
    }

    @AfterAll
    static void close() {
        if (seeds != null) seeds.close();
        if (fixtures != null) fixtures.close();
    }

    /** The results' titles, in the order shown, after searching {@code query} in edition {@code ed}. */
    static List<WebElement> search(Browser b, String ed, String query) {
        return searchPage(b, b.root() + ed + "/search/", query);
    }

    static List<WebElement> searchPage(Browser b, String page, String query) {
        b.driver.get(page);
        WebElement box = b.driver.findElement(By.id("q"));
        box.sendKeys(query, Keys.ENTER);
        new WebDriverWait(b.driver, Duration.ofSeconds(20)).until(d ->
                !d.findElement(By.className("search-status")).getText().isEmpty() && d.findElement(By.id("search")).getAttribute("aria-busy") == null);
        return b.driver.findElements(By.cssSelector(".search-results .result"));
    }

    static List<String> titles(List<WebElement> results) {
        return results.stream().map(r -> r.findElement(By.tagName("h2")).getText()).toList();
    }

    static String title(Path site, String pathPrefix, String lang) throws IOException {
        try (var s = Files.walk(site.resolve(lang).resolve("articles"))) {
            for (Path p : s.filter(p -> p.getFileName().toString().equals("index.html")).toList()) {
                String h1 = Jsoup.parse(p.toFile(), "UTF-8").selectFirst("h1").text();
                if (h1.startsWith(pathPrefix)) return h1;
            }
        }
        return fail("no article titled " + pathPrefix);
    }

    @Test
    void vietnameseWithoutDiacriticsFindsTheVietnameseSeedFirst() throws IOException {
        List<WebElement> results = search(seeds, "vi", "quan he viet my");
        assertFalse(results.isEmpty());
        assertEquals(title(seedSite, "Việt Nam muốn tạo đột phá", "vi"), titles(results).get(0));
        WebElement first = results.get(0);
        assertEquals("vi", first.getAttribute("lang"));
        assertTrue(first.findElement(By.className("meta")).getText().contains("Tiếng Việt"), "language shown");
        List<String> marked = first.findElements(By.tagName("mark")).stream().map(WebElement::getText).toList();
        assertFalse(marked.isEmpty(), "the match is highlighted in the snippet");
        for (String m : marked) assertTrue(List.of("quan", "hệ", "việt", "mỹ").contains(m.toLowerCase()), "highlighted " + m);
        String href = first.findElement(By.tagName("a")).getAttribute("href");
        seeds.driver.get(href);
        assertTrue(seeds.driver.getTitle().startsWith("Việt Nam muốn tạo đột phá"), "the result links to its page: " + href);
    }

    @Test
    void searchWorksOnAPageOpenedFromDisk() throws IOException {
        String page = seedSite.resolve("vi/search/index.html").toUri().toString();
        assertTrue(page.startsWith("file:"), page);
        List<String> found = titles(searchPage(seeds, page, "quan he viet my"));
        assertEquals(title(seedSite, "Việt Nam muốn tạo đột phá", "vi"), found.get(0));
    }

    @Test
    void englishSemiconductorFindsTheArticlesOnTheSubject() throws IOException {
        List<String> found = titles(search(seeds, "en", "semiconductor"));
        assertTrue(found.contains(title(seedSite, "Vietnam aims for hi-tech cooperation", "en")), found.toString());
        // every article the site files under the topic is found too
        List<String> onTopic = Jsoup.parse(seedSite.resolve("en/topics/semiconductors/index.html").toFile(), "UTF-8")
                .select(".card-title").eachText();
        assertFalse(onTopic.isEmpty());
        for (String t : onTopic) assertTrue(found.stream().anyMatch(f -> f.startsWith(t.replace("…", ""))), t + " in " + found);
    }

    @Test
    void firstSearchFetchesLittle() {
        search(seeds, "vi", "quan he viet my");
        long bytes = (Long) ((JavascriptExecutor) seeds.driver).executeScript("return performance.getEntriesByType('resource')"
                + ".filter(e => e.name.includes('/search/') || e.name.endsWith('search.js'))"
                + ".reduce((n, e) => n + e.encodedBodySize, 0)");
        System.out.println("first search on the seed site fetched " + bytes + " bytes");
        assertTrue(bytes > 0 && bytes <= 150_000, bytes + " bytes");
    }

    @Test
    void foldingFindsVietnameseTypedWithoutDiacritics() {
        List<String> danang = titles(search(fixtures, "vi", "da nang"));
        assertTrue(danang.containsAll(List.of("Đà Nẵng đón đoàn khách Đông Nam Á", "Tin ngắn")), danang.toString());
        List<String> asean = titles(search(fixtures, "vi", "dong nam a"));
        assertTrue(asean.contains("Đà Nẵng đón đoàn khách Đông Nam Á"), asean.toString());
        assertFalse(asean.contains("Quan hệ thương mại được mở rộng"), asean.toString());
    }

    @Test
    void exactDiacriticsRankFirst() {
        List<WebElement> results = search(fixtures, "vi", "Đà Nẵng");
        List<String> exact = titles(results);
        assertEquals("Đà Nẵng đón đoàn khách Đông Nam Á", exact.get(0));
        assertEquals("2024-03-01", results.get(0).findElement(By.tagName("time")).getAttribute("datetime"), "date shown");
        assertTrue(exact.contains("Tin ngắn"), "the undotted spelling is still found");
    }

    @Test
    void punctuationDoesNotStickToWords() {
        List<WebElement> results = search(fixtures, "vi", "noi");
        assertEquals(List.of("Quan hệ thương mại được mở rộng"), titles(results));
        assertEquals(List.of("Nội"), results.get(0).findElements(By.tagName("mark")).stream().map(WebElement::getText).toList());
    }

    @Test
    void oneBoxFindsBothLanguagesReadersEditionFirst() {
        List<String> fromVi = titles(search(fixtures, "vi", "da nang"));
        List<String> fromEn = titles(search(fixtures, "en", "da nang"));
        assertTrue(fromVi.contains("Da Nang hosts regional tourism forum"), fromVi.toString());
        assertEquals("Da Nang hosts regional tourism forum", fromEn.get(0));
        assertNotEquals("Da Nang hosts regional tourism forum", fromVi.get(0));
    }

    @Test
    void titlesWeighMoreThanBody() {
        // a has the word in its title, c only in its body
        List<String> guests = titles(search(fixtures, "vi", "khach"));
        assertEquals("Đà Nẵng đón đoàn khách Đông Nam Á", guests.get(0));
    }
}
