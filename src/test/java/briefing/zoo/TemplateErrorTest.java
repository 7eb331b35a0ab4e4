package briefing.zoo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** A broken site template stops the build with its name, line and column, and leaves the last site as it was. */
class TemplateErrorTest {
    @TempDir
    Path tmp;

    @Test
    void brokenTemplateNamesItsPlaceAndKeepsThePreviousSite() throws IOException {
        Path seeds = Files.createDirectories(tmp.resolve("seeds"));
        Files.writeString(seeds.resolve("a.md"), "# Short note\n\nOne short article keeps this build fast.\n");
        Path site = tmp.resolve("site"), none = tmp.resolve("none.yml");
        OutputSafetyTest.run(0, "build", "--source", seeds.toString(), "--out", site.toString(), "--config", none.toString());
        Map<String, String> before = OutputSafetyTest.snapshot(site, 10);

        Path calm = Files.createDirectories(tmp.resolve("templates/calm"));
        Files.writeString(calm.resolve("article.ftlh"), "<#import \"_layout.ftlh\" as l>\n<p>fine</p>\n<p>${article.title</p>\n");
        String printed = OutputSafetyTest.run(1, "build", "--source", seeds.toString(), "--out", site.toString(),
                "--config", none.toString(), "--templates", tmp.resolve("templates").toString());
        assertTrue(printed.lines().anyMatch(l -> l.matches("error: .*article\\.ftlh:3:\\d+: template syntax error \\(.+\\); fix the template")),
                printed);
        assertEquals(before, OutputSafetyTest.snapshot(site, 10), "the previous site changed");
        try (var s = Files.list(tmp)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".site")), "a staging folder was left behind");
        }
    }
}
