package briefing.build;

import briefing.cli.Main;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** An editor fixes a wrong guess in a raw .txt seed with one front matter line, and the rebuilt page shows it. */
class FrontMatterOverrideTest {
    @Test
    void titleAndDateInFrontMatterOfATextSeedReachThePage(@TempDir Path tmp) throws IOException {
        Path seeds = Files.createDirectories(tmp.resolve("seeds"));
        Path seed001;
        try (Stream<Path> s = Files.list(Path.of("seeds"))) {
            seed001 = s.filter(p -> p.getFileName().toString().startsWith("001")).findFirst().orElseThrow();
        }
        Files.writeString(seeds.resolve("001.txt"), "---\ntitle: To Lam completes state visit to Korea\ndate: 2025-08-14\n---\n"
                + Files.readString(seed001));
        Path site = tmp.resolve("site");
        assertEquals(0, Main.run("build", "--source", seeds.toString(), "--out", site.toString(),
                "--config", tmp.resolve("none.yml").toString()));
        List<Path> pages;
        try (Stream<Path> s = Files.walk(site.resolve("en/articles"))) {
            pages = s.filter(p -> p.getFileName().toString().equals("index.html")).toList();
        }
        assertEquals(1, pages.size());
        var page = Jsoup.parse(pages.get(0).toFile(), "UTF-8");
        assertEquals("To Lam completes state visit to Korea", page.selectFirst("h1").text());
        assertEquals("2025-08-14", page.selectFirst("time").attr("datetime"));
        assertTrue(pages.get(0).toString().contains("to-lam-completes-state-visit-to-korea"), "the slug follows the stated title");
        assertTrue(page.text().contains("Sekretaris Jenderal To Lam dan istrinya"), "the lede stays a paragraph");
    }
}
