package briefing.browser;

import nu.validator.validation.SimpleDocumentValidator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** Both built-in themes over the seed site, read as files: validity, page metadata, weight, no other host, overrides. */
class ThemesTest {
    static final List<String> THEMES = SeedSites.THEMES;
    private static final Pattern OTHER_HOST = Pattern.compile("^(https?:)?//", Pattern.CASE_INSENSITIVE);

    @ParameterizedTest
    @FieldSource("THEMES")
    void nuHtmlCheckerFindsNoErrorOnAnyPageOrTheStylesheet(String theme) throws Exception {
        Path site = SeedSites.site(theme);
        List<Path> pages = SeedSites.files(site, ".html");
        assertTrue(pages.size() >= 30, "the seed site has all its pages: " + pages.size());
        List<String> errors = nuErrors(pages, site.resolve("assets/style.css"));
        System.out.printf("vnu %s: %d pages and style.css, %d errors%n", theme, pages.size(), errors.size());
        assertEquals(List.of(), errors);
    }

    @Test
    void nuHtmlCheckerAsWiredHereReportsABrokenPage() throws Exception {
        Path broken = Files.createDirectories(SeedSites.ROOT).resolve("broken.html");
        Files.writeString(broken, "<!DOCTYPE html><html lang=\"en\"><title>x</title><p><div></span>");
        assertFalse(nuErrors(List.of(broken), null).isEmpty());
    }

    /** Errors of the Nu HTML Checker, run in this JVM with the schemas its jar carries (no network). */
    static List<String> nuErrors(List<Path> pages, Path css) throws Exception {
        List<String> errors = new ArrayList<>();
        ErrorHandler collect = new ErrorHandler() {
            @Override public void warning(SAXParseException e) {}
            @Override public void error(SAXParseException e) { errors.add(e.getSystemId() + ":" + e.getLineNumber() + ": " + e.getMessage()); }
            @Override public void fatalError(SAXParseException e) { error(e); }
        };
        SimpleDocumentValidator vnu = new SimpleDocumentValidator();
        vnu.setUpMainSchema("http://s.validator.nu/html5-all.rnc", collect);
        vnu.setUpValidatorAndParsers(collect, false, false);
        for (Path p : pages) vnu.checkHtmlFile(p.toFile(), true);
        if (css != null) vnu.checkCssFile(css.toFile(), true);
        return errors;
    }

    @Test
    void switchingThemeIsOneFlag() throws IOException {
        Document calm = Jsoup.parse(SeedSites.site("calm").resolve("en/index.html").toFile(), "UTF-8");
        Document compact = Jsoup.parse(SeedSites.site("compact").resolve("en/index.html").toFile(), "UTF-8");
        assertTrue(calm.select("section.group").isEmpty(), "calm lists the latest articles in one column");
        assertFalse(compact.select("section.group h2.group-title").isEmpty(), "compact groups its home page by topic");
        assertEquals(calm.select("main article").size(), compact.select("main article").size(), "both list every article");
        assertNotEquals(Files.readString(SeedSites.site("calm").resolve("assets/style.css")),
                Files.readString(SeedSites.site("compact").resolve("assets/style.css")));
    }

    @Test
    void theThemeCanBeChosenInSiteYml() throws IOException {
        Path config = Files.createDirectories(SeedSites.ROOT).resolve("compact.yml");
        Files.writeString(config, "theme: compact\n");
        Path site = SeedSites.build(SeedSites.ROOT.resolve("configured"), null, config);
        Path compact = SeedSites.site("compact");
        for (String page : List.of("en/index.html", "assets/style.css")) {
            assertEquals(-1, Files.mismatch(compact.resolve(page), site.resolve(page)), page);
        }
    }

    @ParameterizedTest
    @FieldSource("THEMES")
    void everyPageHasTitleDescriptionCanonicalAndOpenGraph(String theme) throws IOException {
        for (Path p : SeedSites.files(SeedSites.site(theme), ".html")) {
            Document d = Jsoup.parse(p.toFile(), "UTF-8");
            String where = theme + " " + p;
            assertFalse(d.title().isBlank(), "title of " + where);
            assertFalse(d.select("meta[name=description]").attr("content").isBlank(), "description of " + where);
            assertFalse(d.select("link[rel=canonical]").attr("href").isBlank(), "canonical of " + where);
            for (String og : List.of("og:title", "og:description", "og:type", "og:site_name", "og:locale")) {
                assertFalse(d.select("meta[property=" + og + "]").attr("content").isBlank(), og + " of " + where);
            }
        }
    }

    @ParameterizedTest
    @FieldSource("THEMES")
    void articlePagesCarryNewsArticleJsonLd(String theme) throws IOException {
        List<Path> articles = articles(SeedSites.site(theme));
        assertEquals(5, articles.size());
        int paired = 0;
        for (Path p : articles) {
            Document d = Jsoup.parse(p.toFile(), "UTF-8");
            Element ld = d.selectFirst("script[type=application/ld+json]");
            assertNotNull(ld, "JSON-LD in " + p);
            var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(ld.data());
            assertEquals("NewsArticle", json.path("@type").asText(), p.toString());
            assertEquals(d.selectFirst("html").attr("lang"), json.path("inLanguage").asText(), "inLanguage in " + p);
            assertFalse(json.path("publisher").path("name").asText().isBlank(), "publisher in " + p);
            assertEquals(d.selectFirst(".story-head time") != null, json.has("datePublished"), "datePublished in " + p);
            boolean translated = !d.select("link[rel=alternate][hreflang]").isEmpty();
            assertEquals(translated, json.has("workTranslation") || json.has("translationOfWork"), "translation links in " + p);
            if (translated) paired++;
        }
        assertTrue(paired >= 2, "the seeds hold one translation pair");
    }

    @ParameterizedTest
    @FieldSource("THEMES")
    void anArticlePageWithItsStylesheetWeighsAtMost40KB(String theme) throws IOException {
        Path site = SeedSites.site(theme);
        long css = Files.size(site.resolve("assets/style.css"));
        long heaviest = 0;
        for (Path p : articles(site)) heaviest = Math.max(heaviest, Files.size(p));
        System.out.printf("weight %s: heaviest article page %d B + style.css %d B = %d B%n", theme, heaviest, css, heaviest + css);
        assertTrue(heaviest + css <= 40 * 1024, theme + ": " + (heaviest + css) + " bytes");
    }

    @ParameterizedTest
    @FieldSource("THEMES")
    void noPageLoadsAnythingFromAnotherHost(String theme) throws IOException {
        Path site = SeedSites.site(theme);
        List<String> found = new ArrayList<>();
        for (Path p : SeedSites.files(site, ".html")) {
            Document d = Jsoup.parse(p.toFile(), "UTF-8");
            for (Element e : d.select("script[src], img[src], iframe[src], source[src], video[src], audio[src], link[rel~=stylesheet|icon|preload|modulepreload]")) {
                String url = e.hasAttr("src") ? e.attr("src") : e.attr("href");
                if (OTHER_HOST.matcher(url).find()) found.add(p + ": " + e);
            }
            for (Element style : d.select("style, [style]")) {
                if (style.outerHtml().contains("url(")) found.add(p + ": inline style with url(): " + style);
            }
        }
        String css = Files.readString(site.resolve("assets/style.css"), StandardCharsets.UTF_8);
        if (css.contains("@import") || css.contains("url(")) found.add("style.css loads another file");
        assertEquals(List.of(), found);
    }

    @Test
    void overridingArticleTemplateInTheSiteChangesArticlePagesOnly() throws IOException {
        Path baseline = SeedSites.site("calm");
        Path templates = SeedSites.ROOT.resolve("override-templates");
        Files.createDirectories(templates);
        String builtIn;
        try (InputStream in = ThemesTest.class.getResourceAsStream("/templates/calm/article.ftlh")) {
            builtIn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.writeString(templates.resolve("article.ftlh"),
                builtIn.replace("<article class=\"story\">", "<article class=\"story\"><p class=\"site-override\">owner's own article page</p>"));
        Path site = SeedSites.build("calm", SeedSites.ROOT.resolve("override"), templates);

        List<String> changed = new ArrayList<>();
        for (Path p : SeedSites.files(site, "")) {
            if (!Files.isRegularFile(p) || p.getFileName().toString().startsWith(".")) continue;
            Path before = baseline.resolve(site.relativize(p));
            if (!Files.exists(before) || Files.mismatch(before, p) != -1) changed.add(site.relativize(p).toString());
        }
        List<String> articles = articles(site).stream().map(p -> site.relativize(p).toString()).toList();
        assertEquals(articles, changed.stream().sorted().toList());
        for (Path p : articles(site)) {
            assertNotNull(Jsoup.parse(p.toFile(), "UTF-8").selectFirst(".story .site-override"), p.toString());
        }
    }

    @Test
    void aSiteThemeWithOnlyItsStylesheetTakesEveryTemplateFromTheBaseTheme() throws IOException {
        Path templates = SeedSites.ROOT.resolve("own-theme-templates");
        Files.createDirectories(templates.resolve("mine/static"));
        Files.writeString(templates.resolve("mine/static/style.css"), "body { color: #000; }\n");
        Path site = SeedSites.build("mine", SeedSites.ROOT.resolve("own-theme"), templates);
        assertEquals("body { color: #000; }\n", Files.readString(site.resolve("assets/style.css")));
        Path calm = SeedSites.site("calm");
        for (Path p : SeedSites.files(site, ".html")) {
            assertEquals(-1, Files.mismatch(calm.resolve(site.relativize(p)), p), "differs from calm: " + p);
        }
    }

    static List<Path> articles(Path site) {
        return SeedSites.files(site, "index.html").stream().filter(p -> p.toString().contains("/articles/")).toList();
    }
}
