package briefing.browser;

import briefing.cli.Main;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The seed site built once per theme and test run, shared by the theme and browser tests. */
final class SeedSites {
    static final List<String> THEMES = List.of("calm", "compact");
    static final Path ROOT = Path.of("target", "theme-sites");
    private static final Map<String, Path> BUILT = new HashMap<>();

    private SeedSites() {}

    /** The seeds built with {@code theme} and the built-in templates, as {@code briefing build --theme} does. */
    static synchronized Path site(String theme) {
        return BUILT.computeIfAbsent(theme, t -> build(t, ROOT.resolve(t), null));
    }

    /** Builds the seeds into {@code out}; {@code templates} is the site's own templates folder or null. */
    static Path build(String theme, Path out, Path templates) {
        return build(out, templates, ROOT.resolve("none.yml"), "--theme", theme);
    }

    /** Builds the seeds into {@code out} with the configuration file {@code config} and further options. */
    static Path build(Path out, Path templates, Path config, String... options) {
        Path noTemplates = ROOT.resolve("no-templates");
        try {
            Files.createDirectories(noTemplates);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> args = new java.util.ArrayList<>(List.of("build", "--source", "seeds", "--out", out.toString(),
                "--templates", (templates == null ? noTemplates : templates).toString(), "--config", config.toString()));
        args.addAll(List.of(options));
        assertEquals(0, Main.run(args.toArray(String[]::new)), "building the seeds: " + args);
        return out;
    }

    static List<Path> files(Path site, String suffix) {
        try (Stream<Path> s = Files.walk(site)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first page under {@code folder} (e.g. "en/articles"), in path order. */
    static Path first(Path site, String folder) {
        return files(site.resolve(folder), "index.html").get(0);
    }
}
