package briefing.source;

import briefing.model.FrontMatter;
import briefing.model.Problem;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a YAML front matter block into a {@link FrontMatter}. Thread-safe. Never throws on
 * bad YAML: malformed blocks, unknown keys and wrong types become problems and the field
 * is left unset, so one typo costs a field, not the article.
 */
public final class FrontMatterReader {
    static final Set<String> KEYS = Set.of("title", "date", "lang", "topics", "topics!", "slug", "translationKey",
            "draft", "author", "publication", "source", "source_url", "sourceUrl");

    /** Month and day of one or two digits, as YAML allows them; a day the month does not have is refused. */
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT);

    /**
     * Leaves dates as the text they were written in: SnakeYAML reads {@code 2024-02-30} as March 1,
     * silently, where the editor's typo should be told.
     */
    private static final class DatesAsText extends Resolver {
        @Override
        public Tag resolve(NodeId kind, String value, boolean implicit) {
            Tag tag = super.resolve(kind, value, implicit);
            return tag.equals(Tag.TIMESTAMP) ? Tag.STR : tag;
        }
    }

    /** The front matter and where the body starts, or the whole text as body when there is none. */
    public record Split(FrontMatter frontMatter, String body, int bodyStartLine) {}

    /**
     * Splits a leading {@code ---} block off {@code text} and reads it.
     *
     * @param file     the file's name, for problems
     * @param problems receives what is wrong with the block
     */
    public Split split(String file, String text, List<Problem> problems) {
        if (!(text.startsWith("---\n") || text.equals("---"))) return new Split(FrontMatter.EMPTY, text, 1);
        int close = -1;
        int pos = 4;
        int line = 2;
        while (pos <= text.length()) {
            int nl = text.indexOf('\n', pos);
            String l = (nl < 0 ? text.substring(pos) : text.substring(pos, nl)).strip();
            if (l.equals("---") || l.equals("...")) {
                close = nl < 0 ? text.length() : nl + 1;
                break;
            }
            if (nl < 0) break;
            pos = nl + 1;
            line++;
        }
        if (close < 0) {
            problems.add(Problem.warning(file, 1, "front matter is not closed",
                    "add a '---' line after it; the file was read as text without front matter"));
            return new Split(FrontMatter.EMPTY, text, 1);
        }
        String yaml = text.substring(4, Math.max(4, pos));
        return new Split(read(file, yaml, problems), text.substring(close), line + 1);
    }

    /** Reads the YAML of a front matter block (without its {@code ---} lines). */
    public FrontMatter read(String file, String yaml, List<Problem> problems) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(1_000_000);
        Object root;
        try {
            // the representer and dumper options only complete the one constructor that takes a resolver
            root = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(), options,
                    new DatesAsText()).load(yaml);
        } catch (MarkedYAMLException e) {
            // the context mark is where the broken construct starts ("[trade, unclosed"); the problem
            // mark may be the end of the block, which only says the parser ran out of text
            Mark m = e.getContextMark() != null ? e.getContextMark() : e.getProblemMark();
            problems.add(Problem.warning(file, m == null ? 1 : m.getLine() + 2,
                    "front matter is not valid YAML (" + firstLine(e.getProblem()) + ")",
                    "fix the YAML; the article was built without its front matter"));
            return FrontMatter.EMPTY;
        } catch (RuntimeException e) {
            // YAMLException, and what SnakeYAML lets through from its constructors: a bad
            // "!!binary" value throws IllegalArgumentException (found by FrontMatterPropertiesTest)
            problems.add(Problem.warning(file, 1, "front matter is not usable YAML (" + firstLine(e.getMessage()) + ")",
                    "fix the YAML (at most 20 aliases); the article was built without its front matter"));
            return FrontMatter.EMPTY;
        }
        if (root == null) return FrontMatter.EMPTY;
        if (!(root instanceof Map<?, ?> map)) {
            problems.add(Problem.warning(file, 2, "front matter is not a mapping of keys to values",
                    "write it as 'key: value' lines"));
            return FrontMatter.EMPTY;
        }
        Fields f = new Fields(file, yaml, problems);
        for (Object k : map.keySet()) {
            if (!KEYS.contains(String.valueOf(k))) {
                problems.add(Problem.warning(file, f.lineOf(String.valueOf(k)), "unknown front matter key '" + k + "'",
                        "known keys are " + String.join(", ", new java.util.TreeSet<>(KEYS)) + "; the key was ignored"));
            }
        }
        boolean replace = map.containsKey("topics!");
        List<String> topics = f.list(map, replace ? "topics!" : "topics");
        String source = f.webLink(map, "source_url");
        if (source == null) source = f.webLink(map, "sourceUrl");
        if (source == null) source = f.webLink(map, "source");
        return new FrontMatter(f.string(map, "title"), f.date(map, "date"), f.string(map, "lang"), topics, replace,
                f.string(map, "slug"), f.string(map, "translationKey"), f.bool(map, "draft"),
                f.string(map, "author"), f.string(map, "publication"), source);
    }

    private static String firstLine(String s) {
        if (s == null) return "unknown error";
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    /** Typed access to front matter values; a wrong type is a problem, not an exception. */
    private record Fields(String file, String yaml, List<Problem> problems) {
        int lineOf(String key) {
            String[] lines = yaml.split("\n", -1);
            for (int i = 0; i < lines.length; i++) if (lines[i].startsWith(key + ":")) return i + 2;
            return 2;
        }

        void wrongType(String key, String expected) {
            problems.add(Problem.warning(file, lineOf(key), "front matter '" + key + "' should be " + expected,
                    "fix the value; it was ignored"));
        }

        String string(Map<?, ?> m, String key) {
            Object v = m.get(key);
            if (v == null) return null;
            if (v instanceof String || v instanceof Number || v instanceof Boolean) {
                String s = String.valueOf(v).strip();
                return s.isEmpty() ? null : s;
            }
            wrongType(key, "text");
            return null;
        }

        /** An http(s) URL; anything else (javascript:, file paths) would become a link on the page. */
        String webLink(Map<?, ?> m, String key) {
            String s = string(m, key);
            if (s == null || s.regionMatches(true, 0, "http://", 0, 7) || s.regionMatches(true, 0, "https://", 0, 8)) return s;
            wrongType(key, "a web link starting with http:// or https://");
            return null;
        }

        Boolean bool(Map<?, ?> m, String key) {
            Object v = m.get(key);
            if (v == null) return null;
            if (v instanceof Boolean b) return b;
            wrongType(key, "true or false");
            return null;
        }

        LocalDate date(Map<?, ?> m, String key) {
            Object v = m.get(key);
            if (v == null) return null;
            if (v instanceof Date d) return d.toInstant().atZone(ZoneOffset.UTC).toLocalDate(); // tagged !!timestamp
            if (v instanceof String s) {
                String t = s.strip();
                int end = 0;
                // the day as written, without a time: YAML puts T, t, spaces or tabs between them
                while (end < t.length() && "Tt \t".indexOf(t.charAt(end)) < 0) end++;
                try {
                    return LocalDate.parse(t.substring(0, end), DAY);
                } catch (DateTimeParseException e) {
                    // fall through to the problem below
                }
            }
            wrongType(key, "a date written YYYY-MM-DD");
            return null;
        }

        List<String> list(Map<?, ?> m, String key) {
            Object v = m.get(key);
            if (v == null) return List.of();
            if (v instanceof String s) return List.of(s.strip());
            if (v instanceof List<?> l) {
                List<String> out = new ArrayList<>();
                for (Object o : l) {
                    if (o instanceof String || o instanceof Number) out.add(String.valueOf(o).strip());
                    else {
                        wrongType(key, "a list of topic keys");
                        return List.of();
                    }
                }
                return List.copyOf(out);
            }
            wrongType(key, "a list of topic keys");
            return List.of();
        }
    }
}
