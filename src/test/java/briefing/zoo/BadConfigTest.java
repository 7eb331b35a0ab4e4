package briefing.zoo;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** A site.yml that cannot be used stops the build with one line naming the file and the fix; nothing is written. */
class BadConfigTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            title: [unclosed                                         | site.yml:1: not valid YAML
            title: !!binary aGVsbG8=x                                | site.yml: not usable YAML (Length of Base64
            a: &a [x,x,x,x,x,x,x,x,x]\\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b,*b,*b,*b] | site.yml: not usable YAML (Number of aliases
            pageSize: many                                           | site.yml:1: 'pageSize' must be a whole number
            languages: [en, '../x']                                  | site.yml:1: '../x' is not a language code
            theme: ../../etc                                         | site.yml:1: theme must be a folder name
            """)
    void refusedWithOneLine(String yaml, String expected) throws IOException {
        Path seeds = Files.createDirectories(tmp.resolve("seeds"));
        Files.writeString(seeds.resolve("a.md"), "# Short note\n\nOne short article keeps this build fast.\n");
        Path config = tmp.resolve("site.yml");
        Files.writeString(config, yaml.replace("\\n", "\n") + "\n");
        String printed = OutputSafetyTest.run(1, "build", "--source", seeds.toString(), "--out", tmp.resolve("site").toString(),
                "--config", config.toString());
        assertTrue(printed.lines().anyMatch(l -> l.startsWith("error: " + tmp + "/" + expected)), printed);
        assertFalse(Files.exists(tmp.resolve("site")));
    }
}
