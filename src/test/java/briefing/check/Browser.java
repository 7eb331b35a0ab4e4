package briefing.check;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A built site served under {@code /briefing/} by {@code python3 -m http.server}, as a plain
 * static host would, and a headless Chromium to visit it. Used by the browser tests.
 */
public final class Browser implements AutoCloseable {
    public static final String SUB_PATH = "briefing";

    private final Process server;
    private final String root;
    public final WebDriver driver;

    /** Serves {@code site} at {@code http://127.0.0.1:PORT/briefing/}; {@code servedFrom} holds the link to it. */
    public Browser(Path site, Path servedFrom) throws IOException, InterruptedException {
        Files.createDirectories(servedFrom);
        Files.createSymbolicLink(servedFrom.resolve(SUB_PATH), site.toAbsolutePath());
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        server = new ProcessBuilder("python3", "-m", "http.server", String.valueOf(port), "--bind", "127.0.0.1",
                "--directory", servedFrom.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        root = "http://127.0.0.1:" + port + "/" + SUB_PATH + "/";
        try {
            waitForServer();
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
            driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        } catch (RuntimeException | IOException | InterruptedException e) {
            server.destroy();
            throw e;
        }
    }

    /** The URL of the site's root, ending in {@code /briefing/}. */
    public String root() {
        return root;
    }

    private void waitForServer() throws InterruptedException, IOException {
        for (int i = 0; i < 100; i++) {
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(root).toURL().openConnection();
                if (c.getResponseCode() == 200) return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IOException("python3 -m http.server did not start at " + root);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            server.destroy();
        }
    }
}
