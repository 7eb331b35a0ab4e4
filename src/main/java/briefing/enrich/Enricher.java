package briefing.enrich;

import briefing.model.Taxonomy;

import briefing.lang.LanguageDetector;
import briefing.model.Article;
import briefing.model.Block;
import briefing.model.Cleaned;
import briefing.model.Format;
import briefing.model.FrontMatter;
import briefing.model.Parallel;
import briefing.model.Problem;
import briefing.model.SiteConfig;
import briefing.model.TopicScore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Turns cleaned documents into articles. Configured once, then thread-safe. */
public final class Enricher {
    private static final Pattern LANG_SUFFIX = Pattern.compile("(.+)\\.([a-z]{2,3}(?:-[A-Za-z]{2,4})?)\\.(md|markdown|txt|html?)$");

    private final SiteConfig config;
    private final LanguageDetector detector;
    private final TopicTagger tagger;
    /**
     * For a remembering enricher ({@code watch}): the last link's scans and alignments, by the
     * identity of the cleaned texts they were made from. A resident build hands unchanged articles
     * the same {@link Cleaned} again, so only edited ones are scanned and aligned anew.
     */
    private final boolean remember;
    private Map<Cleaned, Scan> scanMemo = new IdentityHashMap<>();
    private Map<Sides, Parallel> alignedMemo = new HashMap<>();
    /**
     * For a remembering enricher: the last link's articles by id, with what each was linked from.
     * One that links the same again is handed over as the very same object, so later stages know it
     * unchanged without comparing it; and one linked from the very same objects is not linked again
     * (averaging topics and comparing whole articles again: with it, the link stage of a rebuild after
     * one edit went from about 100–180 ms to 50–100 ms at 10,000 articles, BENCHMARKS.md).
     */
    private Map<String, Linked> linkedMemo = Map.of();
    /** For a remembering enricher: the last link's related articles, chosen again only near what changed. */
    private final Related.Memory relatedMemo;

    /**
     * An article as one link made it: from {@code input} (after its slug was settled) and its
     * translations {@code from}, with its pairs {@code translations} and {@code sameEvent}, to
     * {@code withTopics}, then with its related articles to {@code done}.
     */
    private record Linked(Article input, List<Article> from, List<String> translations, List<String> sameEvent,
                          Article withTopics, Article done) {
        /**
         * Whether the same inputs are linked again. Compared by value, which is quick for these: an
         * unchanged article before linking shares its parts with the last one (cleaned text, topics),
         * and differs in object only when its slug was made unique again.
         */
        boolean same(Article input, List<Article> from, List<String> translations, List<String> sameEvent) {
            return input.equals(this.input) && from.equals(this.from) && translations.equals(this.translations)
                    && sameEvent.equals(this.sameEvent);
        }
    }

    /** Two cleaned texts, compared by identity: the key of a remembered alignment. */
    private record Sides(Cleaned left, Cleaned right) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Sides s && s.left == left && s.right == right;
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(left) + System.identityHashCode(right);
        }
    }

    /** The enriched site: articles newest first, and the pairing decisions behind their links. */
    public record Result(List<Article> articles, List<Pairer.Decision> pairs, List<Parallel> parallels,
                         List<Problem> problems) {}

    public Enricher(SiteConfig config, LanguageDetector detector, TopicTagger tagger) {
        this(config, detector, tagger, false);
    }

    /** @param remember keep each link's evidence and alignments for the next one (see {@link #link}); not thread-safe then */
    public Enricher(SiteConfig config, LanguageDetector detector, TopicTagger tagger, boolean remember) {
        this.config = config;
        this.detector = detector;
        this.tagger = tagger;
        this.remember = remember;
        this.relatedMemo = remember ? new Related.Memory() : null;
    }

    public TopicTagger tagger() {
        return tagger;
    }

    /** The per-article part of enrichment; independent of other articles, so callers may run it in parallel. */
    public Article enrichOne(Cleaned c, List<Problem> problems) {
        FrontMatter fm = c.frontMatter();
        Matcher suffix = LANG_SUFFIX.matcher(fileName(c));
        String lang = language(c, problems);
        String lede = c.blocks().stream().filter(b -> b.kind() == Block.Kind.PARAGRAPH).map(Block::text).findFirst().orElse("");
        String title = c.title();
        boolean stated = title != null && !title.isBlank();
        if (!stated) {
            title = fallbackTitle(lede.isEmpty() ? c.file() : lede);
            problems.add(Problem.warning(c.file(), 0, "the text states no headline",
                    "add 'title: ...' front matter; the page uses its lede's first words"));
        }
        List<String> paragraphs = c.paragraphs(); // made anew by every call
        if (paragraphs.isEmpty()) {
            problems.add(Problem.warning(c.file(), 0, "no article text was found", "check the file; the page has no body"));
        }
        if (c.date() == null && c.format() != Format.MARKDOWN) {
            problems.add(Problem.warning(c.file(), 0, "the text states no date with a year",
                    "add 'date: YYYY-MM-DD' front matter; the article is listed after dated ones"));
        }
        int kept = 0, removed = 0;
        for (String p : paragraphs) kept += p.length();
        for (String r : c.removed()) removed += r.length();
        // pages copied whole lose their furniture, but rarely more than half of their text
        if (c.format() != Format.MARKDOWN && removed > 2000 && removed > 1.5 * kept) {
            problems.add(Problem.warning(c.file(), 0, String.format(java.util.Locale.ROOT,
                    "%d%% of the text was removed as page furniture (%d lines)", Math.round(100.0 * removed / (kept + removed)),
                    c.removed().size()), "check with 'clean --explain'; add front matter or trim the file if content was lost"));
        }
        List<TopicScore> topics = topics(c, fm, lang, title, lede, problems);
        String key = fm.translationKey();
        if (key == null && suffix.matches() && c.format() == Format.MARKDOWN) key = suffix.group(1);
        String slug = Slugger.slug(fm.slug() != null ? fm.slug() : title);
        return new Article(c.file(), c, lang, slug, title, stated, c.date(), summary(lede), topics, key,
                List.of(), List.of(), List.of());
    }

    /** The article's language: front matter, else a Markdown file name's suffix, else detected from its text. */
    public String language(Cleaned c, List<Problem> problems) {
        FrontMatter fm = c.frontMatter();
        if (fm.lang() != null) return fm.lang();
        Matcher suffix = LANG_SUFFIX.matcher(fileName(c));
        if (suffix.matches() && c.format() == Format.MARKDOWN) return suffix.group(2);
        StringBuilder sb = new StringBuilder(c.title() == null ? "" : c.title() + "\n");
        for (String p : c.paragraphs()) {
            sb.append(p).append('\n');
            if (sb.length() > 2000) break;
        }
        String lang = detector.detect(sb.toString());
        if (LanguageDetector.UNKNOWN.equals(lang)) {
            problems.add(Problem.warning(c.file(), 0, "the article's language could not be told",
                    "add 'lang: xx' front matter; it was published as " + config.defaultLanguage()));
            return config.defaultLanguage();
        }
        return lang;
    }

    private static String fileName(Cleaned c) {
        String f = c.file().replace('\\', '/');
        return f.substring(f.lastIndexOf('/') + 1);
    }

    private List<TopicScore> topics(Cleaned c, FrontMatter fm, String lang, String title, String lede, List<Problem> problems) {
        StringBuilder rest = new StringBuilder();
        boolean first = true;
        for (Block b : c.blocks()) {
            if (first && b.kind() == Block.Kind.PARAGRAPH) {
                first = false;
                continue;
            }
            rest.append(b.text()).append('\n');
        }
        // every score for now: link() averages them over translations, then applies threshold and cap
        List<TopicScore> found = fm.topicsReplace() ? List.of()
                : tagger.tag(lang, title, lede, rest.toString(), Double.MIN_VALUE, Integer.MAX_VALUE);
        if (fm.topics().isEmpty()) return found;
        Map<String, TopicScore> merged = new LinkedHashMap<>();
        for (String t : fm.topics()) {
            String k = Slugger.slug(t);
            if (tagger.taxonomy().topic(k) == null) {
                problems.add(Problem.warning(c.file(), 0, "front matter topic '" + t + "' is not in the taxonomy",
                        "use one of " + tagger.taxonomy().topics().stream().map(Taxonomy.Topic::key).collect(Collectors.joining(", "))));
                continue;
            }
            merged.put(k, new TopicScore(k, Double.POSITIVE_INFINITY));
        }
        for (TopicScore s : found) merged.putIfAbsent(s.key(), s);
        return List.copyOf(merged.values());
    }

    /** Site-wide enrichment: unique slugs, pairs, related articles. {@code articles} come from {@link #enrichOne}. */
    public Result link(List<Article> articles, List<Problem> problems) {
        List<Article> sorted = new ArrayList<>(articles);
        sorted.sort(Comparator.comparing(Article::id));
        sorted = uniqueSlugs(sorted, problems);

        List<Pairer.Item> items = new ArrayList<>();
        Map<String, Set<String>> names = new HashMap<>();
        Map<Cleaned, Scan> known = scanMemo;
        List<Scan> scans = sorted.parallelStream().map(a -> {
            Scan s = known.get(a.cleaned()); // only read here: safe from every thread
            return s != null ? s : scan(a);
        }).toList();
        if (remember) {
            Map<Cleaned, Scan> now = new IdentityHashMap<>();
            for (int i = 0; i < sorted.size(); i++) now.put(sorted.get(i).cleaned(), scans.get(i));
            scanMemo = now; // only this link's articles: an edited article's old text is let go
        }
        for (int i = 0; i < sorted.size(); i++) {
            Article a = sorted.get(i);
            names.put(a.id(), scans.get(i).names());
            items.add(item(a, scans.get(i)));
        }
        List<Pairer.Decision> decisions = new Pairer(config.translationScore(), config.sameEventScore()).pair(items);
        Map<String, List<String>> translations = new TreeMap<>(), sameEvent = new TreeMap<>();
        for (Pairer.Decision d : decisions) {
            Map<String, List<String>> m = d.kind() == Pairer.Decision.Kind.TRANSLATION ? translations : sameEvent;
            m.computeIfAbsent(d.a(), k -> new ArrayList<>()).add(d.b());
            m.computeIfAbsent(d.b(), k -> new ArrayList<>()).add(d.a());
        }
        Map<String, Article> scored = new HashMap<>();
        sorted.forEach(a -> scored.put(a.id(), a));
        List<Article> linked = new ArrayList<>();
        Map<Article, Linked> made = remember ? new IdentityHashMap<>() : null;
        for (Article a : sorted) {
            List<String> tr = translations.getOrDefault(a.id(), List.of());
            List<String> se = sameEvent.getOrDefault(a.id(), List.of());
            List<Article> from = tr.stream().map(scored::get).toList();
            Linked was = remember ? linkedMemo.get(a.id()) : null;
            Article withTopics;
            if (was != null && was.same(a, from, tr, se)) {
                withTopics = was.withTopics();
            } else {
                List<TopicScore> topics = finalTopics(a, from);
                withTopics = a.withLinks(List.copyOf(tr), List.copyOf(se)).withTopics(topics);
                was = null;
            }
            if (withTopics.topics().isEmpty()) {
                problems.add(Problem.warning(a.id(), 0, "no topic found; the article is on no topic page",
                        "add 'topics: [...]' front matter, or keywords in its language to the taxonomy"));
            }
            linked.add(withTopics);
            if (remember) made.put(withTopics, new Linked(a, from, tr, se, withTopics, was == null ? null : was.done()));
        }
        linked.sort(newestFirst());
        Map<String, List<String>> related = remember ? relatedMemo.choose(linked, names) : Related.choose(linked, names);
        List<Article> out = new ArrayList<>();
        for (Article a : linked) out.add(a.withRelated(related.getOrDefault(a.id(), List.of())));
        if (remember) {
            Map<String, Linked> now = new HashMap<>(2 * out.size());
            for (int i = 0; i < out.size(); i++) {
                Linked m = made.get(linked.get(i));
                Linked before = linkedMemo.get(m.input().id());
                Article done = out.get(i);
                if (m.done() != null && m.done().related().equals(done.related())) done = m.done();
                else if (before != null && done.equals(before.done())) done = before.done();
                out.set(i, done);
                now.put(done.id(), new Linked(m.input(), m.from(), m.translations(), m.sameEvent(), m.withTopics(), done));
            }
            linkedMemo = now;
        }
        Map<String, Article> byId = new HashMap<>();
        out.forEach(a -> byId.put(a.id(), a));
        Map<Sides, Parallel> aligned = alignedMemo;
        List<Pairer.Decision> translated = decisions.stream().filter(d -> d.kind() == Pairer.Decision.Kind.TRANSLATION).toList();
        List<Parallel> parallels = translated.parallelStream().map(d -> {
            Article a = byId.get(d.a()), b = byId.get(d.b());
            // an alignment follows from the two texts alone (their ids are their files)
            Parallel p = aligned.get(new Sides(a.cleaned(), b.cleaned()));
            return p != null ? p : Aligner.align(a.id(), a.cleaned().paragraphs(), b.id(), b.cleaned().paragraphs());
        }).toList();
        if (remember) {
            Map<Sides, Parallel> now = new HashMap<>();
            for (int i = 0; i < translated.size(); i++) {
                Pairer.Decision d = translated.get(i);
                now.put(new Sides(byId.get(d.a()).cleaned(), byId.get(d.b()).cleaned()), parallels.get(i));
            }
            alignedMemo = now;
        }
        return new Result(List.copyOf(out), decisions, parallels, problems);
    }

    /** What pairing reads of an article's text: its evidence, and the topics of its headline alone. */
    record Scan(Evidence evidence, Map<String, Double> headline, Set<String> names) {
        /**
         * @param names its name features, for related articles: kept with the scan, so that a
         *              remembered one is the same set at every link and compares by identity
         */
        Scan(Evidence evidence, Map<String, Double> headline) {
            this(evidence, headline, names(evidence));
        }

        private static Set<String> names(Evidence evidence) {
            Set<String> own = new HashSet<>();
            for (String f : evidence.features()) if (f.charAt(0) == 'a') own.add(f);
            return java.util.Collections.unmodifiableSet(own); // a HashSet's order is the same every run, Set.copyOf's is not
        }
    }

    /** Reads an article for pairing; follows from its cleaned text alone. */
    Scan scan(Article a) {
        return new Scan(Evidence.of(a.cleaned().paragraphs()),
                scores(tagger.tag(a.lang(), a.title(), "", "", Double.MIN_VALUE, Integer.MAX_VALUE), Double.MIN_VALUE));
    }

    /** The article as the pairer sees it; its topics are those the tagger found in its text, as strong as an assigned one. */
    Pairer.Item item(Article a, Scan s) {
        return new Pairer.Item(a.id(), a.lang(), a.translationKey(), a.date(), a.cleaned().time(),
                scores(a.topics(), config.topicThreshold()), s.headline(), s.evidence(), a.cleaned().format() != Format.MARKDOWN);
    }

    private static Map<String, Double> scores(List<TopicScore> topics, double threshold) {
        Map<String, Double> out = new HashMap<>();
        for (TopicScore t : topics) if (!Double.isInfinite(t.score()) && t.score() >= threshold) out.put(t.key(), t.score());
        return out;
    }

    /** Newest first; undated articles last; ties by id, so the order never depends on the file system. */
    public static Comparator<Article> newestFirst() {
        return NEWEST_FIRST;
    }

    /** Every link sorts the whole site by it, so it is written out, not composed of key extractors and wrappers. */
    private static final Comparator<Article> NEWEST_FIRST = (x, y) -> {
        java.time.LocalDate a = x.date(), b = y.date();
        if (a != null && b != null) {
            int c = b.compareTo(a);
            if (c != 0) return c;
        } else if (a != b) {
            return a == null ? 1 : -1;
        }
        return x.id().compareTo(y.id());
    };

    private List<Article> uniqueSlugs(List<Article> sorted, List<Problem> problems) {
        Map<String, String> explicit = new HashMap<>();
        Map<String, Integer> used = new HashMap<>();
        List<Article> out = new ArrayList<>();
        for (Article a : sorted) {
            if (a.cleaned().frontMatter().slug() != null) {
                String prev = explicit.putIfAbsent(a.slug(), a.id());
                if (prev != null) {
                    problems.add(Problem.warning(a.id(), 0, "slug '" + a.slug() + "' is also set by " + prev,
                            "give one of them another slug; this one got a number"));
                }
            }
        }
        for (Article a : sorted) {
            String base = a.slug();
            int n = used.merge(base, 1, Integer::sum);
            String s = n == 1 ? base : base + "-" + n;
            while (n > 1 && used.containsKey(s)) s = base + "-" + (++n);
            if (n > 1) used.put(s, 1);
            out.add(s.equals(a.slug()) ? a : a.withSlug(s));
        }
        return out;
    }

    /**
     * The topics an article keeps: its scores averaged with its translations' (a translation
     * is the same article, so both editions list the pair under the same topics), at least
     * the threshold, at most the cap. Topics stated in front matter always stay.
     */
    private List<TopicScore> finalTopics(Article a, List<Article> translations) {
        Map<String, Double> sum = new HashMap<>();
        List<Article> all = new ArrayList<>(translations);
        all.add(a);
        for (Article x : all) {
            if (x.cleaned().frontMatter().topicsReplace() && x != a) continue;
            for (TopicScore t : x.topics()) sum.merge(t.key(), t.score(), Double::sum);
        }
        List<TopicScore> out = new ArrayList<>();
        for (TopicScore own : a.topics()) if (Double.isInfinite(own.score())) out.add(own);
        List<TopicScore> detected = new ArrayList<>();
        int n = a.cleaned().frontMatter().topicsReplace() ? 0 : all.size();
        sum.forEach((k, v) -> {
            double avg = Math.round(v / Math.max(1, n) * 100) / 100.0;
            if (!Double.isInfinite(v) && avg >= config.topicThreshold()) detected.add(new TopicScore(k, avg));
        });
        detected.sort(Comparator.comparingDouble(TopicScore::score).reversed().thenComparing(TopicScore::key));
        for (TopicScore t : detected) {
            if (out.size() >= config.maxTopics()) break;
            if (out.stream().noneMatch(o -> o.key().equals(t.key()))) out.add(t);
        }
        return List.copyOf(out);
    }

    static String fallbackTitle(String lede) {
        String[] words = lede.split("\\s+");
        if (words.length <= 12) return lede.replaceAll("[.。]+$", "");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i++) sb.append(i == 0 ? "" : " ").append(words[i]);
        return sb.toString().replaceAll("[,;:]+$", "") + "…";
    }

    static String summary(String lede) {
        if (lede.length() <= 300) return lede;
        int cut = lede.lastIndexOf(' ', 297);
        return lede.substring(0, cut > 200 ? cut : 297) + "…";
    }
}
