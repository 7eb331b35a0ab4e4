package briefing.zoo;

import briefing.cli.Main;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Builds the sample seeds plus the whole zoo of bad inputs ({@code src/test/resources/zoo/}
 * and a few made here: a 5 MB single line, a file over maxFileSize, a symlink out of the
 * seeds folder, file names with backslashes) in one run of the command line, then checks
 * what each file got. The README's "Bad input" table lists the same outcomes.
 */
class ZooTest {
    /** What a zoo file must get: a page, a page and a warning, or an error and no page. */
    enum Outcome { PAGE, WARNING, ERROR, SKIPPED }

    static Stream<Arguments> zoo() {
        return Stream.of(
                Arguments.of("empty.txt", Outcome.ERROR, 0, "file is empty"),
                Arguments.of("whitespace-only.txt", Outcome.ERROR, 0, "file is empty"),
                Arguments.of("binary-named.txt", Outcome.ERROR, 2, "binary data"),
                Arguments.of("invalid-utf8.txt", Outcome.ERROR, 3, "not valid UTF-8 (byte 0xc3 at offset 52); re-save the file as UTF-8"),
                Arguments.of("windows-1252.txt", Outcome.ERROR, 3, "looks like windows-1252; convert it: iconv -f windows-1252 -t UTF-8"),
                Arguments.of("vietnamese-tcvn3.txt", Outcome.ERROR, 1, "looks like Vietnamese in TCVN3 (ABC); convert it: iconv -f TCVN5712-1 -t UTF-8"),
                Arguments.of("vietnamese-vni.txt", Outcome.ERROR, 1, "looks like Vietnamese in VNI; convert it to Unicode with UniKey"),
                Arguments.of("oversized.txt", Outcome.ERROR, 0, "over the limit of 6000000; split it, or raise maxFileSize in site.yml"),
                Arguments.of("outside-link.txt", Outcome.SKIPPED, 0, "symbolic link pointing outside the seeds folder"),
                Arguments.of("yaml-malformed.md", Outcome.WARNING, 4, "front matter is not valid YAML"),
                Arguments.of("yaml-unknown-key.md", Outcome.WARNING, 3, "unknown front matter key 'titel'"),
                Arguments.of("yaml-wrong-type.md", Outcome.WARNING, 3, "front matter 'draft' should be true or false"),
                Arguments.of("yaml-bad-binary.md", Outcome.WARNING, 1, "front matter is not usable YAML (Length of Base64 encoded input string"),
                Arguments.of("yaml-alias-bomb.md", Outcome.WARNING, 1, "Number of aliases for non-scalar nodes exceeds the specified max=20"),
                Arguments.of("hostile.md", Outcome.WARNING, 3, "'source_url' should be a web link"),
                Arguments.of("utf16le-bom.txt", Outcome.PAGE, 0, "Hà Nội đón đoàn đại biểu quốc tế"),
                Arguments.of("utf16be-bom.txt", Outcome.PAGE, 0, "Quan hệ thương mại giữa hai nước tăng mạnh"),
                Arguments.of("vietnamese-nfd.md", Outcome.PAGE, 0, "Đà Nẵng mở đường bay mới"),
                Arguments.of("crlf.txt", Outcome.PAGE, 0, "Rail link opens between two cities"),
                Arguments.of("cr-only.txt", Outcome.PAGE, 0, "Harbour expansion approved by council"),
                Arguments.of("mixed-line-endings.txt", Outcome.PAGE, 0, "Library reopens after renovation"),
                Arguments.of("long-line.txt", Outcome.WARNING, 0, "the text states no headline"),
                Arguments.of("same-title-1.md", Outcome.PAGE, 0, "Election results announced"),
                Arguments.of("same-title-2.md", Outcome.PAGE, 0, "Election results announced"),
                Arguments.of("slug-dotdot.md", Outcome.PAGE, 0, "Farmers expect a record rice harvest"),
                Arguments.of("slug-absolute.md", Outcome.PAGE, 0, "Airport adds night flights"),
                Arguments.of("slug-windows.md", Outcome.PAGE, 0, "Coffee exports rise again"),
                Arguments.of("slug-reserved.md", Outcome.PAGE, 0, "Tourists return to the old town"),
                Arguments.of("CON.md", Outcome.PAGE, 0, "Council approves new budget"),
                Arguments.of("name with spaces.md", Outcome.PAGE, 0, "Students win robotics prize"),
                Arguments.of("tin tức Việt Nam.md", Outcome.PAGE, 0, "Sinh viên giành giải robot quốc tế"),
                Arguments.of("新闻.md", Outcome.PAGE, 0, "Trade fair draws record crowds"),
                Arguments.of("..\\..\\escape.md", Outcome.SKIPPED, 0, "hidden file (its name starts with '.'); rename it"),
                Arguments.of("a/../../escape.md", Outcome.PAGE, 0, "Ferry service resumes"),
                Arguments.of("C:/Windows/escape.md", Outcome.PAGE, 0, "Bus fares frozen"),
                Arguments.of("hostile.html", Outcome.PAGE, 0, "City strengthens flood defences"),
                Arguments.of("hostile.txt", Outcome.WARNING, 0, "the text states no headline"));
    }

    @TempDir
    static Path tmp;
    static Path src, out;
    static int exit;
    static String printed;
    static final Map<String, JsonNode> ARTICLES = new HashMap<>();
    static Set<String> before;

    @BeforeAll
    static void buildSeedsAndZoo() throws IOException {
        src = tmp.resolve("seeds");
        out = tmp.resolve("site");
        Files.createDirectories(src);
        try (Stream<Path> s = Stream.concat(Files.list(Path.of("seeds")), Files.list(Path.of("src/test/resources/zoo")))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) Files.copy(p, src.resolve(p.getFileName().toString()));
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; line.length() < 5_000_000; i++) line.append("Sentence ").append(i).append(" of a report pasted without line breaks. ");
        Files.writeString(src.resolve("long-line.txt"), line);
        Files.write(src.resolve("oversized.txt"), new byte[6_500_000]);
        Path outside = Files.createDirectories(tmp.resolve("outside")).resolve("secret.txt");
        Files.writeString(outside, "A private note that lives outside the seeds folder and must never be published.\n");
        Files.createSymbolicLink(src.resolve("outside-link.txt"), outside);
        // backslashes are ordinary name characters on Linux; the build turns them into '/' in ids
        Files.writeString(src.resolve("..\\..\\escape.md"), "# Ferry service resumes\n\nThe ferry to the islands runs again from Monday after the winter break.\n");
        Files.writeString(src.resolve("a\\..\\..\\escape.md"), "# Ferry service resumes\n\nThe ferry to the islands runs again from Monday after the winter break.\n");
        Files.createDirectories(src.resolve(".git/objects"));
        Files.writeString(src.resolve(".git/objects/ab.txt"), "version control data, never an article\n");
        Files.writeString(src.resolve("C:\\Windows\\escape.md"), "# Bus fares frozen\n\nBus fares will not rise next year, the transport authority said on Tuesday.\n");
        Path config = tmp.resolve("site.yml");
        Files.writeString(config, "baseUrl: https://example.org/briefing/\nmaxFileSize: 6000000\n");
        before = listing(tmp);

        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(buf, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            exit = Main.run("build", "--source", src.toString(), "--out", out.toString(), "--config", config.toString(),
                    "--report", tmp.resolve("report.json").toString());
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        printed = buf.toString(StandardCharsets.UTF_8);
        System.out.print(printed);
        for (JsonNode a : new ObjectMapper().readTree(tmp.resolve("report.json").toFile()).get("articleList")) {
            ARTICLES.put(a.get("id").asText(), a);
        }
    }

    private static Set<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return new TreeSet<>(s.map(p -> p.getFileName().toString()).toList());
        }
    }

    /** The lines about a file's input; that the zoo's tiny articles state no date and match no topic is not what they test. */
    private static List<String> linesAbout(String file) {
        List<String> out = new ArrayList<>();
        for (String l : printed.split("\n")) {
            if (l.matches("(error|warning): " + Pattern.quote(file) + "(:\\d+)?: .*") && !l.contains(": no topic found;") && !l.contains(": the text states no date")) out.add(l);
        }
        return out;
    }

    static Path pageOf(JsonNode article) {
        String lang = article.get("lang").asText();
        String edition = lang.equals("vi") ? "vi" : "en";
        return out.resolve(edition).resolve("articles").resolve(article.get("slug").asText()).resolve("index.html");
    }

    @Test
    void exitCodeIsOneBecauseSomeSeedsCannotBeReadAndNoStackTraceIsPrinted() {
        assertEquals(1, exit, printed);
        assertFalse(printed.contains("Exception"), printed);
        assertFalse(printed.contains("\tat "), printed);
        assertTrue(printed.contains("8 errors"), printed);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("zoo")
    void eachFileGetsItsOutcome(String file, Outcome outcome, int line, String expected) throws IOException {
        List<String> lines = linesAbout(file);
        JsonNode article = ARTICLES.get(file);
        switch (outcome) {
            case ERROR, SKIPPED, WARNING -> {
                assertEquals(1, lines.size(), "one line about " + file + " in:\n" + printed);
                String l = lines.get(0);
                assertTrue(l.startsWith((outcome == Outcome.ERROR ? "error: " : "warning: ") + file + (line > 0 ? ":" + line + ": " : ": ")), l);
                assertTrue(l.contains(expected), l);
                assertTrue(l.contains("; "), "says what to do: " + l);
                if (outcome == Outcome.WARNING) {
                    assertNotNull(article, file + " was repaired and built");
                    assertTrue(Files.isRegularFile(pageOf(article)));
                } else {
                    assertNull(article, file + " must not be published");
                }
            }
            case PAGE -> {
                assertEquals(List.of(), lines, "a good file gets no warning");
                assertNotNull(article, file + " has no article");
                Path page = pageOf(article);
                assertTrue(Files.isRegularFile(page), "missing " + page);
                assertTrue(page.normalize().startsWith(out), page + " outside the site");
                if (expected != null) assertEquals(expected, Jsoup.parse(page.toFile(), "UTF-8").selectFirst("h1").text());
            }
        }
    }

    @Test
    void everyGoodArticleHasItsPage() throws IOException {
        Set<String> bad = new HashSet<>();
        zoo().forEach(a -> {
            Outcome o = (Outcome) a.get()[1];
            if (o == Outcome.ERROR || o == Outcome.SKIPPED) bad.add((String) a.get()[0]);
        });
        Set<String> good = new TreeSet<>();
        try (Stream<Path> s = Files.list(src)) {
            s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).filter(n -> !bad.contains(n))
                    .map(n -> n.replace('\\', '/')).forEach(good::add);
        }
        assertEquals(good, new TreeSet<>(ARTICLES.keySet()));
        for (JsonNode a : ARTICLES.values()) assertTrue(Files.isRegularFile(pageOf(a)), "no page for " + a.get("id"));
    }

    @Test
    void nothingIsWrittenOutsideTheOutputFolder() throws IOException {
        Set<String> after = listing(tmp);
        after.removeAll(Set.of("site", "report.json", ".briefing-cache")); // the incremental build's cache, beside the site by design
        assertEquals(before, after);
        assertEquals(Set.of(), listing(tmp.resolve("outside")).stream().filter(n -> !n.equals("secret.txt")).collect(java.util.stream.Collectors.toSet()));
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.toList()) {
                assertFalse(Files.isSymbolicLink(p), "a link in the site: " + p);
                if (Files.isRegularFile(p)) assertFalse(Files.readString(p).contains("must never be published"), p.toString());
            }
        }
    }

    @Test
    void hostileSlugsAndNamesStayInsideTheSite() {
        assertEquals("etc-passwd", ARTICLES.get("slug-dotdot.md").get("slug").asText());
        assertEquals("tmp-briefing-escape", ARTICLES.get("slug-absolute.md").get("slug").asText());
        assertEquals("c-windows-system32-evil", ARTICLES.get("slug-windows.md").get("slug").asText());
        assertEquals("con-article", ARTICLES.get("slug-reserved.md").get("slug").asText());
        for (JsonNode a : ARTICLES.values()) assertTrue(a.get("slug").asText().matches("[a-z0-9-]+"), a.toString());
    }

    @Test
    void sameTitlesGetUniqueSlugsInFileOrder() {
        assertEquals("election-results-announced", ARTICLES.get("same-title-1.md").get("slug").asText());
        assertEquals("election-results-announced-2", ARTICLES.get("same-title-2.md").get("slug").asText());
    }

    @Test
    void decomposedVietnameseIsPublishedComposed() throws IOException {
        String title = ARTICLES.get("vietnamese-nfd.md").get("title").asText();
        assertTrue(Normalizer.isNormalized(title, Normalizer.Form.NFC), title);
        String html = Files.readString(pageOf(ARTICLES.get("vietnamese-nfd.md")));
        assertTrue(Normalizer.isNormalized(html, Normalizer.Form.NFC));
        assertTrue(html.contains("Thành phố Đà Nẵng vừa mở thêm một đường bay quốc tế mới"));
    }

    @Test
    void lineEndingsDoNotLeakIntoPages() throws IOException {
        for (String f : List.of("crlf.txt", "cr-only.txt", "mixed-line-endings.txt")) {
            Document d = Jsoup.parse(pageOf(ARTICLES.get(f)).toFile(), "UTF-8");
            assertFalse(d.html().contains("\r"), f);
            assertTrue(d.select("article p").size() >= 2 || d.select("main p").size() >= 2, f + " lost a paragraph");
        }
        Document d = Jsoup.parse(pageOf(ARTICLES.get("cr-only.txt")).toFile(), "UTF-8");
        assertTrue(d.text().contains("Work is set to begin next year and should finish within three years"));
    }

    /** Every script the theme may put in a page: the opening tags written in its templates. */
    /** The opening tags of scripts and forms the themes write, as patterns: their ${...} parts match any value. */
    private static List<Pattern> themeTags() throws IOException {
        List<Pattern> tags = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Path.of("templates"))) {
            for (Path t : s.filter(Files::isRegularFile).toList()) {
                Matcher m = Pattern.compile("<(script|form)[^>]*>").matcher(Files.readString(t));
                while (m.find()) {
                    StringBuilder re = new StringBuilder();
                    for (String part : m.group().split("\\$\\{[^}]*}", -1)) {
                        if (re.length() > 0 || m.group().startsWith("${")) re.append("[^\"<>]*");
                        re.append(Pattern.quote(part));
                    }
                    tags.add(Pattern.compile(re.toString()));
                }
            }
        }
        return tags;
    }

    private static boolean fromTheme(List<Pattern> tags, String open) {
        return tags.stream().anyMatch(t -> t.matcher(open).matches());
    }

    @Test
    void noPageCarriesScriptsHandlersOrJavascriptUrlsFromASeed() throws IOException {
        List<Pattern> allowed = themeTags();
        List<String> found = new ArrayList<>();
        List<Path> pages;
        try (Stream<Path> s = Files.walk(out)) {
            pages = s.filter(p -> p.toString().endsWith(".html") || p.toString().endsWith(".xml")).toList();
        }
        assertTrue(pages.size() > 50);
        for (Path p : pages) {
            String raw = Files.readString(p);
            Document d = Jsoup.parse(raw);
            int scripts = 0;
            for (Element e : d.getAllElements()) {
                String tag = e.tagName().toLowerCase(Locale.ROOT);
                String open = e.outerHtml().substring(0, e.outerHtml().indexOf('>') + 1);
                if (Set.of("iframe", "object", "embed", "frame", "base").contains(tag)
                        || tag.equals("form") && !fromTheme(allowed, open)) {
                    found.add(p + ": <" + tag + ">");
                }
                if (tag.equals("script")) {
                    scripts++;
                    if (!fromTheme(allowed, open)) found.add(p + ": " + open);
                }
                for (Attribute a : e.attributes()) {
                    if (a.getKey().toLowerCase(Locale.ROOT).startsWith("on")) found.add(p + ": " + a);
                    String v = a.getValue().replaceAll("[\\s\\x00-\\x1f]", "").toLowerCase(Locale.ROOT);
                    if (v.startsWith("javascript:") || v.startsWith("vbscript:") || v.startsWith("data:text/html")) found.add(p + ": " + a);
                }
            }
            // the raw text too: a "<script" that is not one of the theme's elements is seed markup
            int rawScripts = raw.split("(?i)<script", -1).length - 1;
            if (rawScripts != scripts) found.add(p + ": " + rawScripts + " '<script' in the text, " + scripts + " script elements");
            if (raw.contains("isBasedOn\":\"javascript")) found.add(p + ": javascript: source in JSON-LD");
        }
        assertEquals(List.of(), found);
        String storm = Files.readString(pageOf(ARTICLES.get("hostile.md")));
        assertTrue(storm.contains("Schools will close on Friday."), "safe text of the hostile Markdown stays");
        assertTrue(storm.contains("the advice"), "a link's text stays when its javascript: target goes");
    }
}
