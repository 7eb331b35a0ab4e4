package briefing.enrich;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import briefing.model.Taxonomy;
import briefing.model.Taxonomy.Topic;

/** Reads a {@link Taxonomy} from YAML: the built-in {@code briefing/taxonomy.yml} or a site's own file of the same shape. */
public final class TaxonomyReader {
    private TaxonomyReader() {}


    public static Taxonomy builtIn() {
        try (InputStream in = Taxonomy.class.getResourceAsStream("/briefing/taxonomy.yml")) {
            return read("built-in taxonomy", new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a site's taxonomy file; the message of the exception names the file and the fix. */
    public static Taxonomy load(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.toString(), r);
        }
    }


    private static Taxonomy read(String name, Reader reader) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (YAMLException e) {
            throw new IllegalArgumentException(name + ": taxonomy is not valid YAML (" + e.getMessage().split("\n")[0]
                    + "); fix the file or remove 'taxonomy' from site.yml");
        }
        if (!(root instanceof Map<?, ?> map) || !(map.get("topics") instanceof Map<?, ?> topics)) {
            throw new IllegalArgumentException(name + ": taxonomy has no 'topics' mapping; see the built-in taxonomy.yml for its shape");
        }
        Map<String, Map<String, String>> groups = new LinkedHashMap<>();
        if (map.get("groups") instanceof Map<?, ?> g) {
            g.forEach((k, v) -> groups.put(String.valueOf(k), strings(v)));
        }
        List<Topic> out = new ArrayList<>();
        topics.forEach((k, v) -> {
            if (!(v instanceof Map<?, ?> t)) {
                throw new IllegalArgumentException(name + ": topic '" + k + "' is not a mapping; give it label and keywords");
            }
            String key = String.valueOf(k);
            if (!key.matches("[a-z0-9-]+")) {
                throw new IllegalArgumentException(name + ": topic key '" + key + "' must be lower-case letters, digits and '-'");
            }
            Map<String, List<String>> kw = new LinkedHashMap<>();
            if (t.get("keywords") instanceof Map<?, ?> km) {
                km.forEach((lang, list) -> {
                    List<String> words = new ArrayList<>();
                    if (list instanceof List<?> l) l.forEach(w -> words.add(String.valueOf(w)));
                    kw.put(String.valueOf(lang), List.copyOf(words));
                });
            }
            String group = t.get("group") == null ? "themes" : String.valueOf(t.get("group"));
            groups.putIfAbsent(group, Map.of("en", group));
            double weight = 1.0;
            if (t.get("weight") instanceof Number n && n.doubleValue() > 0) weight = n.doubleValue();
            else if (t.get("weight") != null) {
                throw new IllegalArgumentException(name + ": topic '" + key + "' has a weight that is not a positive number");
            }
            out.add(new Topic(key, group, strings(t.get("label")), kw, weight));
        });
        return new Taxonomy(groups, List.copyOf(out));
    }

    private static Map<String, String> strings(Object v) {
        Map<String, String> m = new LinkedHashMap<>();
        if (v instanceof Map<?, ?> mm) mm.forEach((a, b) -> m.put(String.valueOf(a), String.valueOf(b)));
        else if (v != null) m.put("en", String.valueOf(v));
        return m;
    }
}
