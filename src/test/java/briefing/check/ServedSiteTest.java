package briefing.check;

import briefing.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;

import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The seed site served under a sub-path by a plain static server, visited in headless Chromium. */
class ServedSiteTest {
    @TempDir
    Path tmp;

    @Test
    void everyLinkFromTheEntryPageReachesItsPageUnderASubPath() throws Exception {
        Path site = tmp.resolve("site");
        assertEquals(0, Main.run("build", "--source", "seeds", "--out", site.toString(), "--config", tmp.resolve("none.yml").toString()));
        List<String> broken = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        try (Browser b = new Browser(site, tmp.resolve("www"))) {
            JavascriptExecutor js = (JavascriptExecutor) b.driver;
            Deque<String> queue = new ArrayDeque<>(List.of(b.root()));
            seen.add(b.root());
            while (!queue.isEmpty()) {
                String url = queue.poll();
                if (!url.endsWith("/") && !url.endsWith(".html")) {
                    // feeds, stylesheet, scripts: fetched as a browser would, not rendered
                    int status = ((HttpURLConnection) URI.create(url).toURL().openConnection()).getResponseCode();
                    if (status != 200) broken.add(url + " → HTTP " + status);
                    continue;
                }
                b.driver.get(url);
                if ("Error response".equals(b.driver.getTitle()) || b.driver.findElements(org.openqa.selenium.By.id("main")).isEmpty()) {
                    broken.add(url + " → not a page of the site");
                    continue;
                }
                Object styled = js.executeScript("return Array.from(document.styleSheets).some(s => s.cssRules.length > 0)");
                if (!Boolean.TRUE.equals(styled)) broken.add(url + " → stylesheet not loaded");
                @SuppressWarnings("unchecked")
                List<String> hrefs = (List<String>) js.executeScript("return Array.from(document.querySelectorAll("
                        + "'a[href], link[href], script[src]'), e => e.href || e.src)");
                for (String h : hrefs) {
                    String u = h.replaceAll("[#?].*$", "");
                    if (u.startsWith(b.root()) && seen.add(u)) queue.add(u);
                    else if (h.startsWith("http://127.0.0.1") && !u.startsWith(b.root())) broken.add(url + " → " + h + " leaves the sub-path");
                }
            }
        }
        assertEquals(List.of(), broken);
        assertTrue(seen.size() > 50, "crawled " + seen.size() + " URLs from the entry page");
        assertTrue(seen.stream().anyMatch(u -> u.contains("/vi/articles/")), "reached the Vietnamese articles");
    }
}
