package briefing.build;

import briefing.enrich.Pairer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The two editions as a reader of both languages meets them: the sample seeds plus a few
 * Markdown articles paired by file name and by key, built once; and a third edition added by
 * configuration and one bundle.
 */
class BilingualSiteTest {
    @TempDir
    static Path tmp;
    static Path site;
    static BuildReport report;

    static final String EN = "002_528f4e815e3bd9f1.txt", VI = "003_41e686fe2f0b2176.txt", ID = "000_4b6b49e86b6f3326.txt";

    @BeforeAll
    static void build() throws Exception {
        Path src = tmp.resolve("seeds");
        Files.createDirectories(src);
        try (Stream<Path> s = Files.list(Path.of("seeds"))) {
            for (Path p : s.toList()) Files.copy(p, src.resolve(p.getFileName()));
        }
        md(src, "brief.en.md", "title: Hanoi hosts a forum on semiconductors\ndate: 2024-10-02",
                "Delegates from the United States discussed chips and semiconductor training.");
        md(src, "brief.vi.md", "title: Hà Nội tổ chức diễn đàn về bán dẫn\ndate: 2024-10-02",
                "Đại biểu Hoa Kỳ thảo luận về chip và đào tạo nhân lực bán dẫn.");
        md(src, "port-visit.md", "title: A US Navy ship visits Cam Ranh\ndate: 2024-10-05\nlang: en\ntranslationKey: cam-ranh-2024",
                "The ship arrived on Saturday for a five-day visit focused on maritime security.");
        md(src, "tau-my-tham-cam-ranh.md", "title: Tàu Hải quân Mỹ thăm Cam Ranh\ndate: 2024-10-05\nlang: vi\ntranslationKey: cam-ranh-2024",
                "Con tàu cập cảng hôm thứ Bảy trong chuyến thăm năm ngày về an ninh hàng hải.");
        md(src, "chi-tieng-viet.md", "title: Sinh viên Việt Nam nhận học bổng tại Mỹ\ndate: 2024-10-07\nlang: vi",
                "Hai mươi sinh viên nhận học bổng đại học tại Hoa Kỳ.");
        site = tmp.resolve("site");
        report = new Builder().build(new Builder.Options(src, site, Path.of("templates"), tmp.resolve("none.yml"), null, false));
        assertFalse(report.hasErrors(), report.summary(false));
    }

    static void md(Path dir, String name, String frontMatter, String body) throws IOException {
        Files.writeString(dir.resolve(name), "---\n" + frontMatter + "\n---\n" + body + "\n", StandardCharsets.UTF_8);
    }

    static Document parse(Path p) throws IOException {
        return Jsoup.parse(p.toFile(), "UTF-8");
    }

    static List<Path> htmlPages(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    /** The page an href on {@code from} leads to, or null when there is none. */
    static Path target(Path from, String href) {
        Path t = from.getParent().resolve(href).normalize();
        if (Files.isDirectory(t)) t = t.resolve("index.html");
        return Files.isRegularFile(t) ? t : null;
    }

    static Path articleOf(String id) throws IOException {
        String title = report.articleList().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow().title();
        for (Path p : htmlPages(site)) {
            if (p.toString().contains("/articles/") && parse(p).selectFirst("h1").text().equals(title)) return p;
        }
        fail("no page for " + id);
        return null;
    }

    static Properties bundle(Path templates, String lang) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(templates.resolve("i18n").resolve(lang + ".properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void seedsArePairedAsTranslationSameEventOrNothingWithScoresInTheReport() {
        Set<String> seeds = Set.of(EN, VI, ID, "001_9189197c1a9716eb.txt", "004_be99f91105cecda6.txt");
        Set<String> decided = new TreeSet<>();
        for (Pairer.Decision d : report.pairs()) {
            if (seeds.contains(d.a()) || seeds.contains(d.b())) decided.add(d.a() + " " + d.kind() + " " + d.b());
        }
        // 002 and 003 are one article in two languages; 000 is another outlet's story of the same visit
        assertEquals(new TreeSet<>(List.of(EN + " TRANSLATION " + VI, ID + " SAME_EVENT " + EN, ID + " SAME_EVENT " + VI)), decided);
        String verbose = report.summary(true);
        assertTrue(Pattern.compile("pair: " + EN + " <translation> " + VI + " score \\d\\.\\d\\d \\(.*number 88.*\\)").matcher(verbose).find(), verbose);
        assertTrue(Pattern.compile("pair: " + ID + " <same event> " + EN + " score \\d\\.\\d\\d \\(.*name 'john kerry'").matcher(verbose).find(), verbose);
    }

    @Test
    void markdownPairsByFileNameAndByKeyWhateverTheirText() {
        Map<String, Pairer.Decision.Kind> kinds = new HashMap<>();
        for (Pairer.Decision d : report.pairs()) kinds.put(d.a() + "|" + d.b(), d.kind());
        assertEquals(Pairer.Decision.Kind.TRANSLATION, kinds.get("brief.en.md|brief.vi.md"));
        assertEquals(Pairer.Decision.Kind.TRANSLATION, kinds.get("port-visit.md|tau-my-tham-cam-ranh.md"));
        assertTrue(report.articleList().stream().filter(a -> a.id().equals("chi-tieng-viet.md")).findFirst().orElseThrow()
                .translations().isEmpty());
    }

    @Test
    void everyHreflangIsReciprocalHasXDefaultAndPointsToAPageThatExists() throws IOException {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Path p : htmlPages(site)) {
            List<Element> alts = parse(p).select("head link[rel=alternate][hreflang]");
            if (alts.isEmpty()) continue;
            Set<String> codes = new HashSet<>();
            boolean self = false;
            for (Element alt : alts) {
                codes.add(alt.attr("hreflang"));
                Path t = target(p, alt.attr("href"));
                if (t == null) {
                    wrong.add(site.relativize(p) + ": " + alt.attr("hreflang") + " → missing " + alt.attr("href"));
                    continue;
                }
                checked++;
                self |= t.equals(p) && !alt.attr("hreflang").equals("x-default");
                boolean back = false;
                for (Element b : parse(t).select("head link[rel=alternate][hreflang]")) back |= p.equals(target(t, b.attr("href")));
                if (!back) wrong.add(site.relativize(t) + " does not link back to " + site.relativize(p));
            }
            if (!codes.contains("x-default")) wrong.add(site.relativize(p) + ": no x-default");
            if (!self) wrong.add(site.relativize(p) + ": does not list itself");
            for (String c : codes) if (!c.equals("x-default") && !c.matches("[a-z]{2,3}")) wrong.add(site.relativize(p) + ": bad code " + c);
        }
        assertEquals(List.of(), wrong);
        assertTrue(checked > 40, "hreflang links checked: " + checked);
    }

    @Test
    void languageSwitchGoesToTheCounterpartItself() throws IOException {
        Path en = articleOf(EN), vi = articleOf(VI);
        assertEquals(vi, target(en, parse(en).selectFirst(".editions a[hreflang=vi]").attr("href")));
        assertEquals(en, target(vi, parse(vi).selectFirst(".editions a[hreflang=en]").attr("href")));
        Path port = articleOf("port-visit.md");
        assertEquals(articleOf("tau-my-tham-cam-ranh.md"), target(port, parse(port).selectFirst(".editions a[hreflang=vi]").attr("href")));
    }

    @Test
    void sameEventCoverageIsAlsoCoveredByNotATranslation() throws IOException {
        Path id = articleOf(ID);
        for (Path p : List.of(articleOf(EN), articleOf(VI))) {
            Document d = parse(p);
            Element section = d.select(".story-links section").stream()
                    .filter(s -> s.selectFirst("h2").text().equals(p.toString().contains("/vi/") ? "Các báo khác cũng đưa tin" : "Also covered by"))
                    .findFirst().orElseThrow(() -> new AssertionError("no 'also covered by' on " + p));
            assertEquals(id, target(p, section.selectFirst("a").attr("href")));
            assertNull(d.selectFirst("head link[hreflang=id]"), "same-event coverage is not an hreflang alternate");
        }
    }

    @Test
    void anArticleWithoutCounterpartSaysSoInTheOtherEditionsLanguage() throws IOException {
        Properties en = bundle(Path.of("templates"), "en"), vi = bundle(Path.of("templates"), "vi");
        Document onlyVi = parse(articleOf("chi-tieng-viet.md"));
        assertEquals(List.of(en.getProperty("article.no_translation")), onlyVi.select(".note[lang=en]").eachText());
        assertTrue(onlyVi.select(".note[lang=vi]").isEmpty());
        Document korea = parse(articleOf("001_9189197c1a9716eb.txt"));
        assertEquals(List.of(en.getProperty("article.no_translation")), korea.select(".note[lang=en]").eachText());
        assertEquals(List.of(vi.getProperty("article.no_translation")), korea.select(".note[lang=vi]").eachText());
        assertTrue(parse(articleOf(EN)).select(".note").isEmpty(), "a translated article needs no note");
    }

    /** The parallel pages of 002/003, one per edition, each linked from its article page. */
    static List<Path> parallelPages() throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path a : List.of(articleOf(EN), articleOf(VI))) {
            Element link = parse(a).selectFirst("a.button");
            assertNotNull(link, "no link to the parallel view on " + a);
            Path p = target(a, link.attr("href"));
            assertNotNull(p, "parallel page missing for " + a);
            out.add(p);
        }
        return out;
    }

    @Test
    void parallelViewPutsTheTradeFigureParagraphsSideBySide() throws IOException {
        for (Path p : parallelPages()) {
            Document d = parse(p);
            Element row = d.select(".parallel-rows .row").stream().filter(r -> r.text().contains("$88 billion")).findFirst().orElseThrow();
            Map<String, String> byLang = new HashMap<>();
            for (Element col : row.select(".col")) byLang.put(col.attr("lang"), col.text());
            assertEquals(Set.of("en", "vi"), byLang.keySet(), "each column in its own language");
            assertTrue(byLang.get("en").contains("Bilateral trade reached nearly $88 billion"), byLang.get("en"));
            assertTrue(byLang.get("vi").contains("Kim ngạch thương mại hai chiều 8 tháng đầu năm đạt gần 88 tỷ USD"), byLang.get("vi"));
            // the alignment keeps order: every English paragraph appears once, in the article's order
            List<String> enParas = new ArrayList<>();
            for (Element col : d.select(".col[lang=en]")) for (Element para : col.select("p:not(.unpaired)")) enParas.add(para.text());
            assertEquals(report.articleList().stream().filter(a -> a.id().equals(EN)).findFirst().orElseThrow().cleaned().paragraphs(), enParas);
        }
    }

    @Test
    void parallelColumnsSitSideBySideOnAWideScreenAndStackOnANarrowOne() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "chromium is installed by .ci/run");
        Path built = parallelPages().get(0);
        // a copy of the page, with the site's style sheet, reports its columns' boxes to a frame
        // holding it at phone and desktop widths; the built site itself stays untouched
        Path copy = tmp.resolve("probe");
        Path page = copy.resolve(site.relativize(built));
        Files.createDirectories(page.getParent());
        Files.createDirectories(copy.resolve("assets"));
        Files.copy(site.resolve("assets/style.css"), copy.resolve("assets/style.css"));
        String html = Files.readString(built).replace("</body>", "<script>var c=document.querySelectorAll('.parallel-rows .row .col'),"
                + "a=c[0].getBoundingClientRect(),b=c[1].getBoundingClientRect();parent.postMessage(innerWidth+' '+[a.left,a.top,b.left,b.top,"
                + "document.documentElement.scrollWidth].join(' '),'*');</script></body>");
        Files.writeString(page.resolveSibling("probe.html"), html);
        Files.writeString(page.resolveSibling("frame.html"), "<!DOCTYPE html><html><body style='margin:0'>"
                + "<iframe src='probe.html' style='width:390px;height:900px;border:0'></iframe>"
                + "<iframe src='probe.html' style='width:1280px;height:900px;border:0'></iframe><script>addEventListener('message',"
                + "function(e){document.body.setAttribute('data-w'+e.data.split(' ')[0],e.data)})</script></body></html>");
        Process chrome = new ProcessBuilder("/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--window-size=1800,1000",
                "--virtual-time-budget=10000", "--dump-dom", page.resolveSibling("frame.html").toUri().toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String dom = new String(chrome.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(chrome.waitFor(90, TimeUnit.SECONDS));
        Element body = Jsoup.parse(dom).body();
        double[] narrow = numbers(body.attr("data-w390")), wide = numbers(body.attr("data-w1280"));
        assertEquals(narrow[1], narrow[3], 1, "narrow: both columns start at the same left edge");
        assertTrue(narrow[4] > narrow[2], "narrow: the second column sits below the first");
        assertTrue(narrow[5] <= 390, "narrow: nothing wider than the screen, scrollWidth " + narrow[5]);
        assertEquals(wide[2], wide[4], 1, "wide: both columns start at the same height");
        assertTrue(wide[3] > wide[1] + 300, "wide: the columns sit next to each other");
    }

    private static double[] numbers(String s) {
        assertFalse(s.isEmpty(), "the probe did not report");
        return Stream.of(s.split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    /**
     * Every piece of page chrome (header, navigation, footer, labels, notes, headings of
     * lists) is a string of the bundle of the language it is marked with, and the header
     * and footer are marked with the edition's language, whatever the article's.
     */
    @Test
    void everyUiStringIsInItsEditionsLanguage() throws IOException {
        Path templates = Path.of("templates");
        Map<String, List<Pattern>> allowed = new HashMap<>();
        for (String lang : List.of("en", "vi")) {
            List<Pattern> ps = new ArrayList<>();
            Properties b = bundle(templates, lang);
            for (String k : b.stringPropertyNames()) ps.add(pattern(b.getProperty(k)));
            for (var t : briefing.enrich.TaxonomyReader.builtIn().topics()) ps.add(Pattern.compile(Pattern.quote(t.label(lang))));
            for (String g : briefing.enrich.TaxonomyReader.builtIn().groups().keySet()) {
                ps.add(Pattern.compile(Pattern.quote(briefing.enrich.TaxonomyReader.builtIn().groupLabel(g, lang))));
            }
            allowed.put(lang, ps);
        }
        String chrome = ".skip, .brand, .site-header .nav a, .site-footer a, .site-footer span, .story-links h2, .pagination a,"
                + " .pagination span, .note, .unpaired, .lang-label, .source a, .count, .topics a, .topic-group h2, .topic-index a,"
                + " body.home h1, body.topics h1, body.parallel .lede, .caption .visually-hidden";
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Path p : htmlPages(site)) {
            String rel = site.relativize(p).toString();
            String ed = rel.startsWith("vi/") ? "vi" : "en";
            Document d = parse(p);
            for (Element frame : d.select(".site-header, .site-footer")) {
                if (!ed.equals(lang(frame))) wrong.add(rel + ": " + frame.className() + " is marked " + lang(frame));
            }
            for (Element e : d.select(chrome)) {
                String text = e.text().replaceAll("^[←→·:\\s]+|[←→·:\\s]+$", "");
                if (text.isEmpty()) continue;
                String l = lang(e);
                checked++;
                if (!allowed.containsKey(l) || allowed.get(l).stream().noneMatch(x -> x.matcher(text).matches())) {
                    wrong.add(rel + ": '" + text + "' is not a " + l + " UI string");
                }
            }
            for (Element nav : d.select("nav[aria-label]")) {
                if (allowed.get(ed).stream().noneMatch(x -> x.matcher(nav.attr("aria-label")).matches())) {
                    wrong.add(rel + ": aria-label '" + nav.attr("aria-label") + "' is not " + ed);
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(checked > 300, "chrome strings checked: " + checked);
    }

    /** The language an element is marked with: its own lang or its nearest ancestor's. */
    private static String lang(Element e) {
        for (Element x = e; x != null; x = x.parent()) if (x.hasAttr("lang")) return x.attr("lang");
        return "";
    }

    /** A bundle value as a pattern: its {0}, {1}... stand for any text. */
    private static Pattern pattern(String message) {
        List<String> parts = new ArrayList<>();
        for (String part : message.split("\\{\\d}", -1)) parts.add(Pattern.quote(part));
        return Pattern.compile(String.join(".+", parts));
    }

    /** A third edition is site.yml plus one bundle; a string that bundle lacks comes from the default and is reported. */
    @Test
    void aThirdEditionIsConfigurationPlusOneBundle() throws Exception {
        Path dir = tmp.resolve("fr");
        Path src = dir.resolve("seeds"), templates = dir.resolve("templates");
        Files.createDirectories(src);
        Files.createDirectories(templates.resolve("i18n"));
        StringBuilder fr = new StringBuilder();
        Properties en = bundle(Path.of("templates"), "en");
        Map<String, String> french = Map.of("nav.home", "À la une", "nav.topics", "Thèmes", "list.latest", "Dernières nouvelles",
                "edition.name", "Édition française", "edition.short", "FR", "date.format", "d MMMM yyyy",
                "site.title", "Bulletin des relations extérieures du Vietnam");
        for (String k : new TreeSet<>(en.stringPropertyNames())) {
            if (k.equals("footer.generated")) continue; // forgotten by the translator
            fr.append(k).append('=').append(french.getOrDefault(k, "FR " + en.getProperty(k))).append('\n');
        }
        Files.writeString(templates.resolve("i18n").resolve("fr.properties"), fr, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("site.yml"), "languages: [en, vi, fr]\ndefaultLanguage: en\n");
        md(src, "sommet.md", "title: Sommet sur les semi-conducteurs à Hanoï\ndate: 2024-09-23\nlang: fr\ntranslationKey: sommet",
                "Les États-Unis et le Vietnam ont signé un accord sur les semi-conducteurs.");
        md(src, "summit.md", "title: Semiconductor summit in Hanoi\ndate: 2024-09-23\nlang: en\ntranslationKey: sommet",
                "The United States and Vietnam signed an agreement on semiconductors.");
        Path out = dir.resolve("site");
        BuildReport r = new Builder().build(new Builder.Options(src, out, templates, dir.resolve("site.yml"), null, false));

        Document home = parse(out.resolve("fr/index.html"));
        assertEquals("fr", home.selectFirst("html").attr("lang"));
        assertEquals("Dernières nouvelles", home.selectFirst("h1").text());
        assertTrue(home.select(".nav a").eachText().containsAll(List.of("À la une", "Thèmes")));
        assertTrue(home.select("time").eachText().contains("23 septembre 2024"), home.select("time").eachText().toString());
        assertEquals(en.getProperty("footer.generated"), home.selectFirst(".site-footer span").text(), "falls back to the default language");
        assertTrue(r.missingMessages().contains("fr: footer.generated"), r.missingMessages().toString());
        // one line for the language, not one per string
        List<String> told = r.summary(false).lines().filter(l -> l.startsWith("warning: fr: ")).toList();
        assertEquals(1, told.size(), r.summary(false));
        List<String> lacking = r.missingMessages().stream().filter(m -> m.startsWith("fr: ")).map(m -> m.substring(4)).toList();
        assertEquals("warning: fr: " + lacking.size() + (lacking.size() == 1 ? " UI string" : " UI strings")
                + " missing, the default language's strings are used (" + String.join(", ", lacking.subList(0, Math.min(5, lacking.size())))
                + (lacking.size() > 5 ? ", and " + (lacking.size() - 5) + " more" : "") + "); add them to templates/i18n/fr.properties",
                told.get(0));
        assertFalse(Files.readString(out.resolve("fr/index.html")).contains("footer.generated"), "never a raw key");

        Path summit = htmlPages(out.resolve("en/articles")).get(0), sommet = htmlPages(out.resolve("fr/articles")).get(0);
        assertEquals(sommet, target(summit, parse(summit).selectFirst("head link[hreflang=fr]").attr("href")));
        assertEquals(summit, target(sommet, parse(sommet).selectFirst("head link[hreflang=en]").attr("href")));
        assertEquals(sommet, target(summit, parse(summit).selectFirst(".editions a[hreflang=fr]").attr("href")));
        assertEquals(Set.of("en", "vi", "fr", "x-default"),
                new HashSet<>(parse(out.resolve("vi/index.html")).select("head link[hreflang]").eachAttr("hreflang")));
    }
}
