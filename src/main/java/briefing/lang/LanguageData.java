package briefing.lang;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Stop words, month names and cue words per language, from the built-in
 * {@code briefing/languages/*.yml} plus an optional folder of the site's own files of the
 * same shape, whose lists are added to the built-in ones. Immutable once built.
 */
public final class LanguageData {
    static final List<String> BUILT_IN = List.of("en", "vi", "id", "de", "fr", "es", "pl", "it", "nl", "pt");

    private final Map<String, Set<String>> stopwords = new TreeMap<>();
    private final Map<String, List<List<String>>> months = new TreeMap<>();
    /** role → language → cue phrases, lower case. */
    private final Map<String, Map<String, Set<String>>> cues = new TreeMap<>();

    private LanguageData() {}

    /** The built-in data only: read once per run, as the build, the cleaner and the search index each ask for it. */
    public static LanguageData builtIn() {
        return BuiltIn.DATA;
    }

    private static final class BuiltIn {
        static final LanguageData DATA = readBuiltIn();
    }

    private static LanguageData readBuiltIn() {
        LanguageData d = new LanguageData();
        for (String lang : BUILT_IN) {
            try (InputStream in = LanguageData.class.getResourceAsStream("/briefing/languages/" + lang + ".yml")) {
                if (in == null) throw new IllegalStateException("missing built-in language file " + lang);
                d.add(lang, new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return d;
    }

    /**
     * The built-in data extended by the {@code *.yml} files in {@code siteFolder}.
     *
     * @param siteFolder may be null or missing
     */
    public static LanguageData load(Path siteFolder) {
        if (siteFolder == null || !Files.isDirectory(siteFolder)) return builtIn();
        LanguageData d = builtIn().copy();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(siteFolder, "*.yml")) {
            List<Path> sorted = new ArrayList<>();
            files.forEach(sorted::add);
            Collections.sort(sorted);
            for (Path f : sorted) {
                String lang = f.getFileName().toString().replaceFirst("\\.yml$", "");
                try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                    d.add(lang, r);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(f + ": not a language file (" + e.getMessage()
                            + "); see briefing/languages/README.md for its shape", e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return d;
    }

    /** A copy a site's files can be added to without changing the built-in data other builds share. */
    private LanguageData copy() {
        LanguageData d = new LanguageData();
        stopwords.forEach((lang, words) -> d.stopwords.put(lang, new LinkedHashSet<>(words)));
        d.months.putAll(months);
        cues.forEach((role, byLang) -> byLang.forEach((lang, phrases) ->
                d.cues.computeIfAbsent(role, k -> new TreeMap<>()).put(lang, new LinkedHashSet<>(phrases))));
        return d;
    }

    @SuppressWarnings("unchecked")
    private void add(String lang, Reader reader) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        if (!(root instanceof Map<?, ?> map)) return;
        if (map.get("stopwords") instanceof List<?> l) {
            Set<String> s = stopwords.computeIfAbsent(lang, k -> new LinkedHashSet<>());
            l.forEach(w -> s.add(lower(w)));
        }
        if (map.get("months") instanceof List<?> l) {
            List<List<String>> m = new ArrayList<>();
            for (Object o : l) {
                List<String> names = new ArrayList<>();
                if (o instanceof List<?> ol) ol.forEach(n -> names.add(lower(n)));
                else names.add(lower(o));
                m.add(names);
            }
            if (m.size() == 12) months.put(lang, m);
        }
        if (map.get("cues") instanceof Map<?, ?> cm) {
            for (Map.Entry<?, ?> e : cm.entrySet()) {
                if (!(e.getValue() instanceof List<?> l)) continue;
                Set<String> s = cues.computeIfAbsent(String.valueOf(e.getKey()), k -> new TreeMap<>())
                        .computeIfAbsent(lang, k -> new LinkedHashSet<>());
                l.forEach(w -> s.add(lower(w)));
            }
        }
    }

    private static String lower(Object o) {
        return String.valueOf(o).toLowerCase(Locale.ROOT).strip();
    }

    /** Languages that have stop words, in code order. */
    public Set<String> languages() {
        return Collections.unmodifiableSet(stopwords.keySet());
    }

    /** A view: the built-in data is one object for the whole process, shared by every build. */
    public Set<String> stopwords(String lang) {
        return Collections.unmodifiableSet(stopwords.getOrDefault(lang, Set.of()));
    }

    /** Month names per language: 12 lists of spellings, January first. */
    public Map<String, List<List<String>>> months() {
        return Collections.unmodifiableMap(months);
    }

    /** Every cue phrase of a role, in any language, lower case. */
    public Set<String> cues(String role) {
        Set<String> all = new LinkedHashSet<>();
        cues.getOrDefault(role, Map.of()).values().forEach(all::addAll);
        return all;
    }

    /** Stop word → the languages it belongs to, for scoring a text against all languages at once. */
    Map<String, List<String>> stopwordIndex() {
        Map<String, List<String>> idx = new HashMap<>();
        stopwords.forEach((lang, words) -> words.forEach(w -> idx.computeIfAbsent(w, k -> new ArrayList<>()).add(lang)));
        return idx;
    }
}
