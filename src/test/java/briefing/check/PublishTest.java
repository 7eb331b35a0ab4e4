package briefing.check;

import briefing.cli.Main;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** The seed site as it is published: checked, deterministic, with sitemap, robots, 404 and portable links. */
class PublishTest {
    static final String BASE = "https://example.org/briefing/";
    static final String XHTML = "http://www.w3.org/1999/xhtml";

    @TempDir
    static Path tmp;
    static Path site, again, hosted;

    @BeforeAll
    static void build() throws IOException {
        site = tmp.resolve("site");
        again = tmp.resolve("again");
        hosted = tmp.resolve("hosted");
        String none = tmp.resolve("none.yml").toString();
        assertEquals(0, Main.run("build", "--source", "seeds", "--out", site.toString(), "--config", none));
        assertEquals(0, Main.run("build", "--source", "seeds", "--out", again.toString(), "--config", none));
        Path config = tmp.resolve("site.yml");
        Files.writeString(config, "title: Hanoi Desk\nbaseUrl: " + BASE + "\nportable: true\n");
        assertEquals(0, Main.run("build", "--source", "seeds", "--out", hosted.toString(), "--config", config.toString()));
    }

    /** Runs the check command, returning its exit code and what it printed. */
    static Map.Entry<Integer, String> check(Path folder) {
        PrintStream out = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run("check", "--out", folder.toString());
            return Map.entry(code, buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
        }
    }

    static Path articlePage(Path root, String lang, String titleStart) throws IOException {
        try (Stream<Path> s = Files.walk(root.resolve(lang).resolve("articles"))) {
            for (Path p : s.filter(p -> p.getFileName().toString().equals("index.html")).toList()) {
                if (Jsoup.parse(p.toFile(), "UTF-8").selectFirst("h1").text().startsWith(titleStart)) return p;
            }
        }
        return fail("no article page in " + lang + " titled " + titleStart);
    }

    @Test
    void checkPassesOnTheSeedSiteAndFailsNamingADeletedArticle() throws IOException {
        Map.Entry<Integer, String> ok = check(site);
        assertEquals(0, ok.getKey(), ok.getValue());
        assertTrue(ok.getValue().contains(" 0 problems"), ok.getValue());

        Path article = articlePage(site, "vi", "Việt Nam muốn tạo đột phá");
        String gone = site.relativize(article).toString().replace('\\', '/');
        Files.delete(article);
        Map.Entry<Integer, String> bad = check(site);
        assertEquals(1, bad.getKey());
        List<String> lines = bad.getValue().lines().filter(l -> l.contains(gone + " does not exist")).toList();
        assertFalse(lines.isEmpty(), bad.getValue());
        // each names the page holding the link, with its line, and the link itself
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("vi/index.html:") && l.contains("link 'articles/")), bad.getValue());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("sitemap.xml:")), "the sitemap's loc too: " + bad.getValue());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("en/articles/vietnam-aims-for-hi-tech")), "its translation's hreflang too");
    }

    @Test
    void twoBuildsOfTheSameSeedsAreIdentical() throws IOException, InterruptedException {
        // the second folder is built here, the first in build(): two runs, nothing shared but the seeds
        assertEquals(0, Main.run("build", "--source", "seeds", "--out", tmp.resolve("again-2").toString(), "--config", tmp.resolve("none.yml").toString()));
        Process diff = new ProcessBuilder("diff", "-r", again.toString(), tmp.resolve("again-2").toString()).redirectErrorStream(true).start();
        String out = new String(diff.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, diff.waitFor(), out);
        assertEquals("", out);
    }

    @Test
    void theConfiguredTitleNamesTheSiteInEveryEdition() throws IOException {
        assertEquals("Hanoi Desk", Jsoup.parse(hosted.resolve("en/index.html").toFile(), "UTF-8").title());
        assertEquals("Hanoi Desk", Jsoup.parse(hosted.resolve("vi/index.html").toFile(), "UTF-8").title());
        try (Stream<Path> s = Files.walk(hosted)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".html") || f.toString().endsWith(".xml")).toList()) {
                String text = Files.readString(p);
                assertFalse(text.contains("Vietnam Foreign Relations Briefing") || text.contains("Bản tin Đối ngoại Việt Nam"),
                        "the built-in name in " + hosted.relativize(p));
            }
        }
    }

    @Test
    void hostedPortableSitePassesTheCheck() {
        Map.Entry<Integer, String> r = check(hosted);
        assertEquals(0, r.getKey(), r.getValue());
    }

    @Test
    void portableLinksEndInIndexHtmlEverywhere() throws IOException {
        List<String> bare = new ArrayList<>();
        int n = 0;
        try (Stream<Path> s = Files.walk(hosted)) {
            // 404.html is served at any depth, so its links are absolute by design
            for (Path p : s.filter(p -> p.toString().endsWith(".html") && !p.endsWith("404.html")).sorted().toList()) {
                Document d = Jsoup.parse(p.toFile(), "UTF-8");
                for (Element e : d.select("a[href], link[href], script[src]")) {
                    String href = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                    if (href.startsWith("#") || href.startsWith("mailto:")) continue;
                    if (href.startsWith("http") && !href.startsWith(BASE)) continue;
                    n++;
                    String path = href.replaceAll("[#?].*$", "");
                    // absolute canonical and hreflang URLs are for crawlers; what a reader follows opens from disk
                    boolean forCrawlers = e.normalName().equals("link") && href.startsWith(BASE);
                    if (!forCrawlers && (href.startsWith(BASE) || path.endsWith("/") || !path.substring(path.lastIndexOf('/') + 1).contains("."))) {
                        bare.add(hosted.relativize(p) + " → " + href);
                    }
                }
            }
        }
        assertTrue(n > 500, "links seen: " + n);
        assertEquals(List.of(), bare);
        // and the search results link to index.html too
        assertTrue(Files.readString(hosted.resolve("search/d/0.js")).contains("/index.html\""));
    }

    @Test
    void sitemapFollowsTheSchemaAndListsTranslationsWithXDefault() throws Exception {
        Path sitemap = hosted.resolve("sitemap.xml");
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(new StreamSource(PublishTest.class.getResourceAsStream("sitemap.xsd")))
                .newValidator().validate(new StreamSource(sitemap.toFile()));

        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        NodeList urls = f.newDocumentBuilder().parse(sitemap.toFile()).getElementsByTagNameNS("*", "url");
        Map<String, Map<String, String>> alternates = new TreeMap<>();
        for (int i = 0; i < urls.getLength(); i++) {
            org.w3c.dom.Element url = (org.w3c.dom.Element) urls.item(i);
            String loc = url.getElementsByTagNameNS("*", "loc").item(0).getTextContent();
            assertTrue(loc.startsWith(BASE), loc);
            Map<String, String> alts = new TreeMap<>();
            NodeList links = url.getElementsByTagNameNS(XHTML, "link");
            for (int j = 0; j < links.getLength(); j++) {
                org.w3c.dom.Element l = (org.w3c.dom.Element) links.item(j);
                assertEquals("alternate", l.getAttribute("rel"));
                assertTrue(l.getAttribute("href").startsWith(BASE), l.getAttribute("href"));
                alts.put(l.getAttribute("hreflang"), l.getAttribute("href"));
            }
            alternates.put(loc, alts);
        }
        String en = BASE + hosted.relativize(articlePage(hosted, "en", "Vietnam aims for hi-tech cooperation").getParent()) + "/";
        String vi = BASE + hosted.relativize(articlePage(hosted, "vi", "Việt Nam muốn tạo đột phá").getParent()) + "/";
        Map<String, String> pair = Map.of("en", en, "vi", vi, "x-default", en);
        assertEquals(pair, alternates.get(en), "002 lists itself, 003 and x-default");
        assertEquals(pair, alternates.get(vi), "003 lists itself, 002 and x-default");
    }

    @Test
    void robotsPointToTheSitemap() throws IOException {
        assertTrue(Files.readString(hosted.resolve("robots.txt")).contains("Sitemap: " + BASE + "sitemap.xml\n"));
    }

    @Test
    void notFoundPageSpeaksEveryEditionAndWorksAtAnyDepth() throws IOException {
        Document d = Jsoup.parse(hosted.resolve("404.html").toFile(), "UTF-8");
        assertEquals(List.of("en", "vi"), d.select(".notfound-notice").eachAttr("lang"));
        assertEquals("Không tìm thấy trang", d.selectFirst(".notfound-notice[lang=vi] h2").text());
        for (Element e : d.select("[href], [src]")) {
            String url = e.hasAttr("href") ? e.attr("href") : e.attr("src");
            assertTrue(url.startsWith(BASE) || url.startsWith("#"), "served at any depth, " + url + " must be absolute");
        }
        // without a base URL the links are relative to the root, where hosts serve the file from
        Document local = Jsoup.parse(site.resolve("404.html").toFile(), "UTF-8");
        assertEquals("vi/", local.selectFirst(".notfound-notice[lang=vi] a").attr("href"));
    }
}
