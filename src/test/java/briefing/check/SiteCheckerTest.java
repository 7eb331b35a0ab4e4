package briefing.check;

import briefing.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The checker on small hand-written sites, one fault each. */
class SiteCheckerTest {
    @TempDir
    Path site;

    void write(String path, String text) throws IOException {
        Path f = site.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text, StandardCharsets.UTF_8);
    }

    static String page(String lang, String head, String body) {
        return "<!DOCTYPE html>\n<html" + (lang == null ? "" : " lang=\"" + lang + "\"") + ">\n<head>\n" + head
                + "\n</head>\n<body>\n" + body + "\n</body>\n</html>\n";
    }

    List<String> problems() throws IOException {
        return new SiteChecker(site, null).check().problems().stream().map(Problem::toString).toList();
    }

    /** Two editions whose pages name each other as alternates; a stylesheet; a feed; a sitemap. */
    void goodSite() throws IOException {
        String alts = "<link rel=\"alternate\" hreflang=\"en\" href=\"../en/\">\n<link rel=\"alternate\" hreflang=\"vi\" href=\"../vi/\">\n"
                + "<link rel=\"alternate\" hreflang=\"x-default\" href=\"../en/\">\n<link rel=\"stylesheet\" href=\"../assets/style.css\">";
        write("index.html", page("en", "<link rel=\"stylesheet\" href=\"assets/style.css\">", "<a href=\"en/\">EN</a> <a href=\"vi/index.html\">VI</a>"));
        write("en/index.html", page("en", alts, "<a href=\"../\">home</a> <a href=\"#main\">skip</a> <a href=\"https://example.org/x\">out</a> <a href=\"mailto:a@b.c\">mail</a>"));
        write("vi/index.html", page("vi", alts, "<a href=\"../en\">EN</a>"));
        write("assets/style.css", "body{}");
        write("en/feed.xml", "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<link rel=\"alternate\" href=\"./\"/>\n</feed>\n");
        write("sitemap.xml", "<?xml version=\"1.0\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n<url><loc>en/</loc></url>\n</urlset>\n");
    }

    @Test
    void aSoundSitePasses() throws IOException {
        goodSite();
        SiteChecker.Result r = new SiteChecker(site, null).check();
        assertEquals(List.of(), r.problems());
        assertEquals(5, r.files());
        assertTrue(r.links() >= 15, "links checked: " + r.links());
    }

    @Test
    void aMissingPageIsNamedWithTheLinkAndWhereItIs() throws IOException {
        goodSite();
        Files.delete(site.resolve("vi/index.html"));
        List<String> p = problems();
        assertTrue(p.contains("index.html:7: link 'vi/index.html' is broken: vi/index.html does not exist; rebuild the site, or fix or remove the link"), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("en/index.html:5: link '../vi/' is broken")), p.toString());
    }

    @Test
    void missingLangIsReported() throws IOException {
        goodSite();
        write("en/about.html", page(null, "", "<p>x</p>"));
        assertEquals(List.of("en/about.html:1: page has no <html lang>; state the page's language so readers and search engines know it"), problems());
    }

    @Test
    void hreflangMustBeReciprocal() throws IOException {
        goodSite();
        write("vi/index.html", page("vi", "<link rel=\"stylesheet\" href=\"../assets/style.css\">", "<p>no alternates</p>"));
        List<String> p = problems();
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("en/index.html:5: hreflang 'vi' alternate vi/index.html does not list this page"), p.get(0));
    }

    @Test
    void localPathsAndLocalhostAreReported() throws IOException {
        goodSite();
        write("en/local.html", page("en", "", String.join("\n",
                "<a href=\"file:///home/ann/site/index.html\">a</a>",
                "<img src=\"C:\\Users\\ann\\photo.jpg\">",
                "<a href=\"/home/ann/site/\">c</a>",
                "<a href=\"http://localhost:1313/en/\">d</a>",
                "<script src=\"http://127.0.0.1:8000/x.js\"></script>",
                "<a href=\"/en/\">e</a>")));
        List<String> p = problems();
        assertEquals(6, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("en/local.html:7: link 'file:///home/ann/site/index.html' points to a local file path"), p.get(0));
        assertTrue(p.get(1).startsWith("en/local.html:8: link 'C:\\Users\\ann\\photo.jpg' points to a local file path"), p.get(1));
        assertTrue(p.get(2).startsWith("en/local.html:9: link '/home/ann/site/' points to a local file path"), p.get(2));
        assertTrue(p.get(3).startsWith("en/local.html:10: link 'http://localhost:1313/en/' points to localhost"), p.get(3));
        assertTrue(p.get(4).startsWith("en/local.html:11: link 'http://127.0.0.1:8000/x.js' points to 127.0.0.1"), p.get(4));
        assertTrue(p.get(5).startsWith("en/local.html:12: link '/en/' starts at the host's root"), p.get(5));
    }

    @Test
    void linksMustStayInsideTheSite() throws IOException {
        goodSite();
        write("en/up.html", page("en", "", "<a href=\"../../outside/\">x</a>"));
        assertEquals(List.of("en/up.html:7: link '../../outside/' leads outside the site; link to a page inside the site"), problems());
    }

    @Test
    void brokenXmlAndBrokenFeedOrSitemapLinksAreReported() throws IOException {
        goodSite();
        write("vi/feed.xml", "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<title>A & B</title>\n</feed>\n");
        write("sitemap.xml", "<?xml version=\"1.0\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n<url><loc>de/</loc></url>\n</urlset>\n");
        List<String> p = problems();
        assertEquals(2, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("sitemap.xml:3: link 'de/' is broken: de/index.html does not exist"), p.get(0));
        assertTrue(p.get(1).startsWith("vi/feed.xml:3: not well-formed XML"), p.get(1));
    }

    @Test
    void linksUnderTheBaseUrlAreInternal() throws IOException {
        goodSite();
        write("index.html", page("en", "<link rel=\"canonical\" href=\"https://example.org/briefing/\">",
                "<a href=\"https://example.org/briefing/en/\">EN</a> <a href=\"https://example.org/briefing/fr/\">FR</a>"));
        List<String> p = problems();
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("index.html:7: link 'https://example.org/briefing/fr/' is broken: fr/index.html does not exist"), p.get(0));
        assertEquals(List.of(), new SiteChecker(site, "https://example.org/other/").check().problems(),
                "under another base URL both links are external");
    }
}
