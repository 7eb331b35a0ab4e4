package briefing.search;

import briefing.check.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;

import java.nio.file.Path;
import java.util.List;

/**
 * Benchmark, not a test: prints what a reader's first search fetches from a built site.
 * Run on a large generated corpus:
 * <pre>
 * python3 /work/shared/bench/make_corpus.py --articles 1000 --out /tmp/c1k --format md
 * java -jar target/briefing.jar build --source /tmp/c1k --out /tmp/c1k-site
 * mvn -q -o test -Dtest=SearchSizeBench -Dbriefing.bench.site=/tmp/c1k-site
 * </pre>
 */
@EnabledIfSystemProperty(named = "briefing.bench.site", matches = ".+")
class SearchSizeBench {
    @TempDir
    Path tmp;

    @Test
    void firstSearchBytes() throws Exception {
        Path site = Path.of(System.getProperty("briefing.bench.site"));
        try (Browser b = new Browser(site, tmp)) {
            for (List<String> q : List.of(List.of("vi", "quan he viet my"), List.of("en", "semiconductor"),
                    List.of("vi", "dong nam a"), List.of("vi", "biến đổi khí hậu"), List.of("en", "Vietnam"))) {
                // a fresh page and an empty cache: what a first search costs
                b.driver.get("about:blank");
                ((org.openqa.selenium.chromium.ChromiumDriver) b.driver).executeCdpCommand("Network.clearBrowserCache", java.util.Map.of());
                int results = SearchBrowserTest.search(b, q.get(0), q.get(1)).size();
                Object bytes = ((JavascriptExecutor) b.driver).executeScript("return performance.getEntriesByType('resource')"
                        + ".filter(e => e.name.includes('/search/') || e.name.endsWith('search.js'))"
                        + ".reduce((n, e) => n + e.encodedBodySize, 0)");
                Object files = ((JavascriptExecutor) b.driver).executeScript("return performance.getEntriesByType('resource')"
                        + ".filter(e => e.name.includes('/search/') || e.name.endsWith('search.js')).length");
                System.out.printf("first search %s '%s': %s bytes in %s files, %d results shown%n", q.get(0), q.get(1), bytes, files, results);
            }
        }
    }
}
