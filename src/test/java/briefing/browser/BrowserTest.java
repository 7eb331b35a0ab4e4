package briefing.browser;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Both themes in headless Chromium, driven through the system chromedriver (nothing is downloaded):
 * axe-core, horizontal scrolling at 390 px, the article measure at 1280 px, the print stylesheet,
 * requests to other hosts, and screenshots of every page type in {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTest {
    // Debian's chromium and chromium-driver packages; the properties point elsewhere (or nowhere, to see the skip)
    static final Path CHROMIUM = Path.of(System.getProperty("briefing.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("briefing.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final int PHONE = 390, DESK = 1280;

    private String missing;
    private Path profile;
    private ChromeDriverService service;
    private ChromeDriver driver;

    @BeforeAll
    void startChromium() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(present, CHROMIUM + " or " + CHROMEDRIVER + " missing in CI; .ci/run installs chromium and chromium-driver");
        }
        if (!present) {
            missing = "browser test skipped: " + CHROMIUM + " or " + CHROMEDRIVER
                    + " not installed (apt-get install chromium chromium-driver, or run .ci/run)";
            return;
        }
        profile = Files.createTempDirectory("briefing-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--disable-extensions", "--user-data-dir=" + profile, "--window-size=1280,900");
        // an explicit driver and binary keep Selenium Manager from looking for (or downloading) either
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    /** Each test, not the class, is skipped, so that the skips and their reason show in the test report. */
    @BeforeEach
    void needsChromium() {
        assumeTrue(missing == null, missing);
    }

    @AfterAll
    void stopChromium() throws IOException {
        if (driver != null) driver.quit();
        if (service != null) service.stop();
        if (profile != null) {
            try (Stream<Path> s = Files.walk(profile)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    /** The page types the issue names, plus the topic index and 404, by a short name used for screenshots. */
    static Map<String, Path> pageTypes(Path site) {
        Path parallel = SeedSites.first(site, "en/parallel");
        String slug = parallel.getParent().getFileName().toString();
        Map<String, Path> m = new LinkedHashMap<>();
        m.put("entry", site.resolve("index.html"));
        m.put("home-en", site.resolve("en/index.html"));
        m.put("home-vi", site.resolve("vi/index.html"));
        m.put("article-en", site.resolve("en/articles").resolve(slug).resolve("index.html"));
        m.put("article-vi", SeedSites.first(site, "vi/articles"));
        m.put("topic", site.resolve("en/topics/us/index.html"));
        m.put("topics", site.resolve("vi/topics/index.html"));
        m.put("parallel-en", parallel);
        m.put("parallel-vi", SeedSites.first(site, "vi/parallel"));
        m.put("search", site.resolve("en/search/index.html"));
        m.put("404", site.resolve("404.html"));
        return m;
    }

    private void open(Path page, int width, String media, String scheme) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", width < 600));
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("media", media, "features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
        driver.get(page.toAbsolutePath().toUri().toString());
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolationInEitherThemeOrColourScheme() {
        List<String> found = new ArrayList<>();
        int runs = 0;
        for (String theme : SeedSites.THEMES) {
            for (String scheme : List.of("light", "dark")) {
                for (var e : pageTypes(SeedSites.site(theme)).entrySet()) {
                    open(e.getValue(), DESK, "screen", scheme);
                    Results r = new AxeBuilder().analyze(driver);
                    assertFalse(r.isErrored(), "axe failed on " + e.getValue() + ": " + r.getErrorMessage());
                    runs++;
                    for (Rule v : r.getViolations()) {
                        if (!"serious".equals(v.getImpact()) && !"critical".equals(v.getImpact())) continue;
                        found.add(theme + "/" + scheme + " " + e.getKey() + ": " + v.getId() + " (" + v.getImpact() + ") "
                                + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList());
                    }
                }
            }
        }
        System.out.printf("axe: %d page runs, %d serious or critical violations%n", runs, found.size());
        assertEquals(List.of(), found);
    }

    @Test
    void axeAsWiredHereReportsAnUnlabelledFieldAndFaintText() throws IOException {
        Path bad = Files.createDirectories(SeedSites.ROOT).resolve("inaccessible.html");
        Files.writeString(bad, "<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body><main>"
                + "<input type=\"text\"><p style=\"color:#ccc;background:#fff\">faint text</p></main></body></html>");
        open(bad, DESK, "screen", "light");
        List<String> ids = new AxeBuilder().analyze(driver).getViolations().stream().map(Rule::getId).toList();
        assertTrue(ids.containsAll(List.of("label", "color-contrast")), ids.toString());
    }

    @Test
    void atPhoneWidthNoPageScrollsSidewaysAndNoPageRequestsAnotherHost() {
        List<String> wide = new ArrayList<>(), foreign = new ArrayList<>();
        int pages = 0;
        for (String theme : SeedSites.THEMES) {
            for (Path p : SeedSites.files(SeedSites.site(theme), ".html")) {
                open(p, PHONE, "screen", "light");
                pages++;
                long overflow = (Long) driver.executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                if (overflow > 0) wide.add(theme + " " + p + ": " + overflow + " px too wide");
                @SuppressWarnings("unchecked")
                List<String> loaded = (List<String>) driver.executeScript(
                        "return performance.getEntriesByType('resource').map(e => e.name);");
                for (String url : loaded) if (!url.startsWith("file:")) foreign.add(theme + " " + p + " requested " + url);
            }
        }
        System.out.printf("390 px: %d pages, %d scroll sideways, %d requests to another host%n", pages, wide.size(), foreign.size());
        assertEquals(List.of(), wide);
        assertEquals(List.of(), foreign);
    }

    @Test
    void atDeskWidthArticleBodyMeasureIs60To80Characters() {
        // characters per line: the body's width over the mean advance of its longest paragraph's characters
        String measure = """
                const ps = [...document.querySelectorAll('.story .body p')];
                const p = ps.sort((a, b) => b.textContent.length - a.textContent.length)[0];
                const text = p.textContent;
                const s = document.createElement('span');
                s.style.whiteSpace = 'nowrap';
                s.textContent = text;
                p.appendChild(s);
                const perChar = s.getBoundingClientRect().width / text.length;
                s.remove();
                return p.getBoundingClientRect().width / perChar;""";
        List<String> out = new ArrayList<>();
        for (String theme : SeedSites.THEMES) {
            for (Path p : ThemesTest.articles(SeedSites.site(theme))) {
                open(p, DESK, "screen", "light");
                double chars = ((Number) driver.executeScript(measure)).doubleValue();
                System.out.printf("measure %s %s: %.1f characters%n", theme, p.getParent().getFileName(), chars);
                if (chars < 60 || chars > 80) out.add(theme + " " + p + ": " + Math.round(chars) + " characters per line");
            }
        }
        assertEquals(List.of(), out);
    }

    @Test
    void vietnameseTextHasLineHeightsThatLeaveRoomForStackedMarks() {
        // "Ệ", "Ỡ" stack two marks above a capital; below 1.3 times the font size (or at "normal") they touch the line above
        String tight = """
                return [...document.querySelectorAll('body *')]
                  .filter(e => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
                  .filter(e => getComputedStyle(e).display !== 'none')
                  .map(e => { const s = getComputedStyle(e); return [e.tagName + '.' + e.className, parseFloat(s.lineHeight) / parseFloat(s.fontSize)]; })
                  .filter(([, r]) => !(r >= 1.3))
                  .map(([w, r]) => w + ' ' + r.toFixed(2));""";
        List<String> out = new ArrayList<>();
        for (String theme : SeedSites.THEMES) {
            Map<String, Path> pages = pageTypes(SeedSites.site(theme));
            for (String type : List.of("home-vi", "article-vi", "parallel-vi", "topics")) {
                open(pages.get(type), PHONE, "screen", "light");
                for (Object e : (List<?>) driver.executeScript(tight)) out.add(theme + " " + type + ": " + e);
            }
        }
        assertEquals(List.of(), out);
    }

    @Test
    void printedArticleAndParallelPagesLeaveOutTheSiteChrome() {
        for (String theme : SeedSites.THEMES) {
            Map<String, Path> pages = pageTypes(SeedSites.site(theme));
            for (String type : List.of("article-en", "parallel-en")) {
                open(pages.get(type), DESK, "print", "light");
                Object shown = driver.executeScript(
                        "return [...document.querySelectorAll('.site-header, .site-footer, .story-links')]"
                                + ".filter(e => getComputedStyle(e).display !== 'none').length;");
                assertEquals(0L, shown, theme + " " + type + " prints the header, footer or links");
                assertEquals("rgb(255, 255, 255)", driver.executeScript("return getComputedStyle(document.body).backgroundColor;"),
                        theme + " " + type + " prints on a coloured background");
            }
        }
    }

    @Test
    void screenshotsOfEveryPageTypeAtPhoneAndDeskWidth() throws IOException {
        int n = 0;
        for (String theme : SeedSites.THEMES) {
            for (var e : pageTypes(SeedSites.site(theme)).entrySet()) {
                for (String scheme : List.of("light", "dark")) {
                    if (scheme.equals("dark") && !e.getKey().startsWith("home-en") && !e.getKey().startsWith("article")) continue;
                    for (int width : List.of(PHONE, DESK)) {
                        open(e.getValue(), width, "screen", scheme);
                        long height = (Long) driver.executeScript("return document.documentElement.scrollHeight;");
                        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                                "captureBeyondViewport", true,
                                "clip", Map.of("x", 0, "y", 0, "width", width, "height", Math.min(height, 6000), "scale", 1)));
                        Path file = SCREENSHOTS.resolve(theme + "-" + e.getKey() + "-" + width + (scheme.equals("dark") ? "-dark" : "") + ".png");
                        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
                        assertTrue(Files.size(file) > 1000, "empty screenshot " + file);
                        n++;
                    }
                }
            }
        }
        System.out.printf("screenshots: %d in %s%n", n, SCREENSHOTS);
    }
}
