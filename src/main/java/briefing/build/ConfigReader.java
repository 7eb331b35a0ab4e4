package briefing.build;

import briefing.model.Problem;
import briefing.model.SiteConfig;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code site.yml}. Every key is optional; a missing file means the built-in defaults.
 * Unknown keys are warnings; a value of the wrong type is an error that names the line.
 */
final class ConfigReader {
    static final Set<String> KEYS = Set.of("title", "languages", "defaultLanguage", "baseUrl", "theme", "portable",
            "pageSize", "topicThreshold", "maxTopics", "translationScore", "sameEventScore", "maxFileSize", "taxonomy");

    /** The configuration was unusable; the message names the file, line and fix. */
    static final class ConfigException extends Exception {
        ConfigException(String message) {
            super(message);
        }
    }

    private ConfigReader() {}

    static SiteConfig read(Path file, List<Problem> problems) throws ConfigException, IOException {
        SiteConfig d = SiteConfig.defaults();
        if (file == null || !Files.exists(file)) return d;
        if (!Files.isRegularFile(file)) throw new ConfigException(file + ": not a file; pass the configuration file (site.yml) as --config");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Object root;
        try {
            LoaderOptions o = new LoaderOptions();
            o.setMaxAliasesForCollections(20);
            o.setAllowDuplicateKeys(false);
            root = new Yaml(new SafeConstructor(o)).load(text);
        } catch (MarkedYAMLException e) {
            Mark m = e.getContextMark() != null ? e.getContextMark() : e.getProblemMark(); // where the broken construct starts
            throw new ConfigException(file + ":" + (m == null ? 1 : m.getLine() + 1) + ": not valid YAML ("
                    + e.getProblem() + "); fix the file");
        } catch (RuntimeException e) {
            // YAMLException, or what SnakeYAML lets through (a bad !!binary value: IllegalArgumentException)
            throw new ConfigException(file + ": not usable YAML (" + String.valueOf(e.getMessage()).split("\n")[0] + "); fix the file");
        }
        if (root == null) return d;
        if (!(root instanceof Map<?, ?> map)) throw new ConfigException(file + ":1: expected 'key: value' lines; see README.md");
        String[] lines = text.split("\n", -1);
        for (Object k : map.keySet()) {
            if (!KEYS.contains(String.valueOf(k))) {
                problems.add(Problem.warning(file.toString(), lineOf(lines, String.valueOf(k)), "unknown setting '" + k + "'",
                        "known settings are " + String.join(", ", new java.util.TreeSet<>(KEYS)) + "; it was ignored"));
            }
        }
        Values v = new Values(file, lines, map);
        List<String> languages = v.strings("languages", d.languages());
        if (languages.isEmpty()) throw new ConfigException(v.where("languages") + ": 'languages' must list at least one language code");
        for (String l : languages) {
            if (!l.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")) throw new ConfigException(v.where("languages") + ": '" + l + "' is not a language code such as en or vi");
        }
        String def = v.string("defaultLanguage", languages.get(0));
        if (!languages.contains(def)) throw new ConfigException(v.where("defaultLanguage") + ": defaultLanguage '" + def + "' is not one of languages " + languages);
        String base = v.string("baseUrl", null);
        if (base != null && !base.matches("https?://\\S+")) throw new ConfigException(v.where("baseUrl") + ": baseUrl must start with http:// or https://");
        String theme = v.string("theme", d.theme());
        if (!theme.matches("[A-Za-z0-9_-]+")) throw new ConfigException(v.where("theme") + ": theme must be a folder name");
        String title = v.string("title", null); // stripped: a blank one names nothing, and each edition keeps its own
        return new SiteConfig(title == null || title.isEmpty() ? null : title, List.copyOf(languages), def, base, theme,
                v.bool("portable", d.portable()), v.integer("pageSize", d.pageSize(), 1),
                v.number("topicThreshold", d.topicThreshold()), v.integer("maxTopics", d.maxTopics(), 0),
                v.number("translationScore", d.translationScore()), v.number("sameEventScore", d.sameEventScore()),
                v.integer("maxFileSize", (int) Math.min(Integer.MAX_VALUE, d.maxFileSize()), 1),
                v.string("taxonomy", null));
    }

    private static int lineOf(String[] lines, String key) {
        for (int i = 0; i < lines.length; i++) if (lines[i].startsWith(key + ":")) return i + 1;
        return 1;
    }

    private record Values(Path file, String[] lines, Map<?, ?> map) {
        String where(String key) {
            return file + ":" + lineOf(lines, key);
        }

        String string(String key, String fallback) throws ConfigException {
            Object o = map.get(key);
            if (o == null) return fallback;
            if (o instanceof String || o instanceof Number) return String.valueOf(o).strip();
            throw new ConfigException(where(key) + ": '" + key + "' must be text");
        }

        boolean bool(String key, boolean fallback) throws ConfigException {
            Object o = map.get(key);
            if (o == null) return fallback;
            if (o instanceof Boolean b) return b;
            throw new ConfigException(where(key) + ": '" + key + "' must be true or false");
        }

        int integer(String key, int fallback, int min) throws ConfigException {
            Object o = map.get(key);
            if (o == null) return fallback;
            if (o instanceof Integer i && i >= min) return i;
            throw new ConfigException(where(key) + ": '" + key + "' must be a whole number of at least " + min);
        }

        double number(String key, double fallback) throws ConfigException {
            Object o = map.get(key);
            if (o == null) return fallback;
            if (o instanceof Number n && n.doubleValue() >= 0) return n.doubleValue();
            throw new ConfigException(where(key) + ": '" + key + "' must be a number of at least 0");
        }

        List<String> strings(String key, List<String> fallback) throws ConfigException {
            Object o = map.get(key);
            if (o == null) return fallback;
            if (o instanceof List<?> l) {
                List<String> out = new ArrayList<>();
                for (Object x : l) out.add(String.valueOf(x).strip());
                return out;
            }
            throw new ConfigException(where(key) + ": '" + key + "' must be a list such as [en, vi]");
        }
    }
}
