package briefing.zoo;

import briefing.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code build --out X} for folders that must never become the site: refused with exit 1 and
 * one clear line, before anything is written. The tests run in the project folder, so
 * {@code seeds}, {@code templates} and {@code .} are the real ones.
 */
class OutputSafetyTest {
    @TempDir
    static Path tmp;
    static Path tinySeeds;

    @BeforeAll
    static void tinySeeds() throws IOException {
        tinySeeds = Files.createDirectories(tmp.resolve("seeds"));
        Files.writeString(tinySeeds.resolve("a.md"), "# Short note\n\nOne short article keeps these builds fast.\n");
    }

    /** Every path under {@code dir} (not following links) with its size and modification time. */
    static Map<String, String> snapshot(Path dir, int depth) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir, depth)) {
            for (Path p : s.toList()) {
                if (p.startsWith("./target") || p.startsWith("target")) continue; // surefire writes there meanwhile
                m.put(p.toString(), Files.isDirectory(p) ? "dir" : Files.size(p) + "@" + Files.getLastModifiedTime(p));
            }
        }
        return m;
    }

    static String run(int expectedExit, String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(buf, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        int code;
        try {
            code = Main.run(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        String printed = buf.toString(StandardCharsets.UTF_8);
        System.out.print(printed);
        assertEquals(expectedExit, code, printed);
        assertFalse(printed.contains("Exception") || printed.contains("\tat "), printed);
        return printed;
    }

    @ParameterizedTest
    @ValueSource(strings = {"seeds", "seeds/sub", "templates", "templates/calm", ".", "/", "~", "src/.."})
    void refusedWithAClearMessageAndNothingChanges(String out) throws IOException {
        Path target = out.equals("~") ? Path.of(System.getProperty("user.home")) : Path.of(out);
        Path watched = target.toAbsolutePath().normalize().getParent() == null ? target : target.toAbsolutePath().normalize();
        boolean seedsItself = out.startsWith("seeds");
        Map<String, String> before = snapshot(Path.of("."), 3);
        // names only: other programs may touch files in / or the home folder meanwhile
        Set<String> outBefore = Files.isDirectory(watched) ? snapshot(watched, 1).keySet() : Set.of();
        String printed = run(1, "build", "--source", seedsItself ? "seeds" : tinySeeds.toString(), "--out", target.toString(),
                "--config", tmp.resolve("none.yml").toString());
        assertTrue(printed.lines().anyMatch(l -> l.startsWith("error: ") && l.contains("refusing to write the site")
                && l.contains("choose another --out")), printed);
        assertEquals(before, snapshot(Path.of("."), 3), "the project folder changed");
        assertEquals(outBefore, Files.isDirectory(watched) ? snapshot(watched, 1).keySet() : Set.of(), "the output folder changed");
        assertFalse(Files.exists(Path.of("seeds/sub")));
    }

    @Test
    void aFolderOfSomeoneElsesFilesIsNotReplacedWithoutForce() throws IOException {
        Path foreign = Files.createDirectories(tmp.resolve("photos"));
        Files.writeString(foreign.resolve("holiday.jpg"), "not a site");
        String printed = run(1, "build", "--source", tinySeeds.toString(), "--out", foreign.toString(),
                "--config", tmp.resolve("none.yml").toString());
        assertTrue(printed.contains("holds files briefing did not write"), printed);
        assertEquals("not a site", Files.readString(foreign.resolve("holiday.jpg")));
        try (Stream<Path> s = Files.list(foreign)) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void aReportAskedForInsideTheSiteIsRefusedBeforeAnythingIsBuilt() {
        Path site = tmp.resolve("reported");
        String printed = run(2, "build", "--source", tinySeeds.toString(), "--out", site.toString(),
                "--config", tmp.resolve("none.yml").toString(), "--report", site.resolve("report.json").toString());
        assertTrue(printed.contains("error: --report") && printed.contains("inside the output folder"), printed);
        assertFalse(Files.exists(site));
    }

    @Test
    void aCacheFolderInsideTheSeedsIsRefusedBeforeAnythingIsMadeThere() {
        Path cache = tinySeeds.resolve("cache");
        String printed = run(1, "build", "--source", tinySeeds.toString(), "--out", tmp.resolve("cached").toString(),
                "--config", tmp.resolve("none.yml").toString(), "--cache", cache.toString());
        assertTrue(printed.contains("the cache folder must be outside"), printed);
        // a file made there would be read as a seed by every later build
        assertFalse(Files.exists(cache), "the refused cache folder was made");
    }

    @Test
    void aFileThatCannotBeWrittenIsNamedWithWhatIsWrong() {
        Path report = tmp.resolve("no-such-folder/report.json");
        String printed = run(1, "build", "--source", tinySeeds.toString(), "--out", tmp.resolve("reporting").toString(),
                "--config", tmp.resolve("none.yml").toString(), "--report", report.toString());
        // a file system's exception names the file alone: the message says what is wrong with it too
        assertTrue(printed.contains("error: " + report + ": no such file or folder"), printed);
    }

    @Test
    void aConfigurationOrTemplatesPathNamedButMissingIsToldNotPassedOver() {
        Path site = tmp.resolve("typo");
        String printed = run(0, "build", "--source", tinySeeds.toString(), "--out", site.toString(),
                "--config", tmp.resolve("sitee.yml").toString(), "--templates", tmp.resolve("templatez").toString());
        assertTrue(printed.contains("sitee.yml: configuration file not found; the built-in settings are used"), printed);
        assertTrue(printed.contains("templatez: templates folder not found; the built-in theme is used"), printed);
        // the defaults may be absent without a word: a site needs neither
        String quiet = run(0, "build", "--source", tinySeeds.toString(), "--out", tmp.resolve("quiet").toString());
        assertFalse(quiet.contains("not found"), quiet);
    }

    @Test
    void aFileGivenWhereAFolderOrPortIsWantedIsToldPlainly() throws IOException {
        Path seed;
        try (Stream<Path> files = Files.list(tinySeeds)) {
            seed = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        String printed = run(1, "build", "--source", seed.toString(), "--out", tmp.resolve("one").toString(),
                "--config", tmp.resolve("none.yml").toString());
        assertTrue(printed.contains(": not a folder; pass the folder that holds the seeds as --source"), printed);
        printed = run(2, "serve", "--port", "99999", "--source", tinySeeds.toString(), "--out", tmp.resolve("served").toString());
        assertTrue(printed.contains("--port 99999 is not a port"), printed);
        assertFalse(Files.exists(tmp.resolve("served")));
        printed = run(1, "clean", "--json", tmp.resolve("nothere.txt").toString());
        assertTrue(printed.contains("nothere.txt: file not found; check the path"), printed);
    }

    @Test
    void anEmptySeedsFolderAndAFolderThatIsNoSiteAreTold() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("no-seeds"));
        String printed = run(0, "build", "--source", empty.toString(), "--out", tmp.resolve("empty-site").toString(),
                "--config", tmp.resolve("none.yml").toString());
        assertTrue(printed.contains("no seed files found"), printed);
        printed = run(1, "check", "--out", tinySeeds.toString());
        assertTrue(printed.contains("not a built site"), printed);
    }

    @Test
    void aFolderGivenAsConfigurationAndABlankTitleAreHandled() throws IOException {
        String printed = run(1, "build", "--source", tinySeeds.toString(), "--out", tmp.resolve("cfgdir").toString(),
                "--config", tinySeeds.toString());
        assertTrue(printed.contains(": not a file; pass the configuration file (site.yml) as --config"), printed);
        assertFalse(printed.contains("configuration file not found"), printed);
        Path blank = tmp.resolve("blank.yml");
        Files.writeString(blank, "title: \"  \"\n");
        Path site = tmp.resolve("blank-title");
        run(0, "build", "--source", tinySeeds.toString(), "--out", site.toString(), "--config", blank.toString());
        assertEquals("Vietnam Foreign Relations Briefing",
                org.jsoup.Jsoup.parse(site.resolve("en/index.html").toFile(), "UTF-8").title(), "a blank title is no title");
    }
}
