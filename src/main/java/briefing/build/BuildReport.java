package briefing.build;

import briefing.enrich.Pairer;
import briefing.model.Article;
import briefing.model.Problem;
import briefing.model.TopicScore;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a build did: counts, every problem, pairing decisions, topics per article, timing (in
 * all and per stage), what it redid and why.
 */
public record BuildReport(int filesRead, int articles, int pagesWritten, int pagesUnchanged, List<Problem> problems,
                          List<Pairer.Decision> pairs, List<Article> articleList, List<String> missingMessages,
                          long millis, Map<String, Long> stageMillis, BuildCache.Changes changes) {

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    /** The short report printed after a build. */
    public String summary(boolean verbose) {
        StringBuilder sb = new StringBuilder();
        for (Problem p : problems) sb.append(p.isError() ? "error: " : "warning: ").append(p).append('\n');
        Map<String, List<String>> missing = missingByLanguage();
        // one line per language: a new edition without its strings lacks every one of them
        missing.forEach((lang, keys) -> sb.append("warning: ").append(lang).append(": ").append(keys.size())
                .append(keys.size() == 1 ? " UI string" : " UI strings").append(" missing, the default language's strings are used (")
                .append(String.join(", ", keys.subList(0, Math.min(5, keys.size()))))
                .append(keys.size() > 5 ? ", and " + (keys.size() - 5) + " more" : "")
                .append("); add them to templates/i18n/").append(lang).append(".properties\n"));
        if (verbose) {
            for (Pairer.Decision d : pairs) {
                sb.append(String.format(Locale.ROOT, "pair: %s %s %s score %.2f (%s)%n", d.a(), kind(d), d.b(), d.score(),
                        String.join(", ", d.evidence())));
            }
            for (Article a : articleList) {
                sb.append("topics: ").append(a.id()).append(": ");
                if (a.topics().isEmpty()) sb.append("none");
                List<String> t = new ArrayList<>();
                for (TopicScore s : a.topics()) t.add(s.key() + " " + score(s));
                sb.append(String.join(", ", t)).append('\n');
            }
        }
        long errors = problems.stream().filter(Problem::isError).count();
        sb.append(String.format(Locale.ROOT, "%d articles cleaned, %d from the cache; %d pages rendered, %d kept; %d files changed, %d deleted%n",
                changes.cleaned().size(), changes.reused(), changes.rendered().size(), changes.kept(),
                changes.filesChanged().size(), changes.filesDeleted().size()));
        sb.append(String.format(Locale.ROOT, "%d files read, %d articles, %d pages written (%d unchanged), %d warnings, %d errors, %.2f s%n",
                filesRead, articles, pagesWritten, pagesUnchanged, problems.size() - errors + missing.size(), errors, millis / 1000.0));
        if (verbose) {
            List<String> t = new ArrayList<>();
            stageMillis.forEach((stage, ms) -> t.add(String.format(Locale.ROOT, "%s %.2f s", stage, ms / 1000.0)));
            sb.append("time: ").append(String.join("; ", t)).append('\n');
        }
        return sb.toString();
    }

    /** {@code missingMessages} ("lang: key", sorted) by language. */
    private Map<String, List<String>> missingByLanguage() {
        Map<String, List<String>> m = new java.util.TreeMap<>();
        for (String lk : missingMessages) {
            int colon = lk.indexOf(": ");
            m.computeIfAbsent(lk.substring(0, colon), k -> new ArrayList<>()).add(lk.substring(colon + 2));
        }
        return m;
    }

    private static String kind(Pairer.Decision d) {
        return d.kind() == Pairer.Decision.Kind.TRANSLATION ? "<translation>" : "<same event>";
    }

    private static String score(TopicScore s) {
        return Double.isInfinite(s.score()) ? "(front matter)" : String.format(Locale.ROOT, "%.2f", s.score());
    }

    public String json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("filesRead", filesRead);
        m.put("articles", articles);
        m.put("pagesWritten", pagesWritten);
        m.put("pagesUnchanged", pagesUnchanged);
        m.put("millis", millis);
        m.put("stageMillis", stageMillis);
        List<Map<String, Object>> ps = new ArrayList<>();
        for (Problem p : problems) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("severity", p.severity().name().toLowerCase(Locale.ROOT));
            x.put("file", p.file());
            x.put("line", p.line());
            x.put("message", p.message());
            x.put("advice", p.advice());
            ps.add(x);
        }
        m.put("problems", ps);
        List<Map<String, Object>> pairs = new ArrayList<>();
        for (Pairer.Decision d : this.pairs) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("a", d.a());
            x.put("b", d.b());
            x.put("kind", d.kind().name().toLowerCase(Locale.ROOT));
            x.put("score", d.score());
            x.put("evidence", d.evidence());
            pairs.add(x);
        }
        m.put("pairs", pairs);
        List<Map<String, Object>> arts = new ArrayList<>();
        for (Article a : articleList) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", a.id());
            x.put("lang", a.lang());
            x.put("slug", a.slug());
            x.put("title", a.title());
            x.put("titleStated", a.titleStated());
            x.put("date", a.date() == null ? null : a.date().toString());
            Map<String, Object> topics = new LinkedHashMap<>();
            for (TopicScore s : a.topics()) topics.put(s.key(), Double.isInfinite(s.score()) ? "front matter" : s.score());
            x.put("topics", topics);
            x.put("removedLines", a.cleaned().removed().size());
            x.put("translations", a.translations());
            x.put("sameEvent", a.sameEvent());
            arts.add(x);
        }
        m.put("articleList", arts);
        m.put("missingMessages", missingMessages);
        m.put("rebuilt", changes.json());
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
