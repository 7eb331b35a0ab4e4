package briefing.build;

import briefing.clean.Cleaner;
import briefing.enrich.Enricher;
import briefing.enrich.TaxonomyReader;
import briefing.enrich.TopicTagger;
import briefing.lang.LanguageData;
import briefing.lang.LanguageDetector;
import briefing.model.Article;
import briefing.model.Cleaned;
import briefing.model.Format;
import briefing.model.Problem;
import briefing.model.RawDocument;
import briefing.model.SiteConfig;
import briefing.model.Taxonomy;
import briefing.output.SiteWriter;
import briefing.output.UnsafeOutputException;
import briefing.render.Messages;
import briefing.render.RenderException;
import briefing.render.Renderer;
import briefing.source.SourceLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs a whole build. A builder remembers its last build (see {@link BuildCache}) so that the
 * next one redoes only what changed; a new builder reads that memory from the cache folder.
 * The result is the same as a clean build's, byte for byte. One build of an output folder (of a cache
 * folder) at a time: another, in this process or another one, waits for it to end ({@link BuildLock}).
 */
public final class Builder {
    /**
     * What to build from and where to. {@code theme} overrides the configuration's when not null.
     *
     * @param cache the cache folder; null for {@code .briefing-cache} beside the output
     * @param clean ignore the cache and redo everything
     */
    public record Options(Path source, Path out, Path templates, Path config, String theme, boolean force, Path cache,
                          boolean clean) {
        public Options(Path source, Path out, Path templates, Path config, String theme, boolean force) {
            this(source, out, templates, config, theme, force, null, false);
        }

        Path cacheDir() {
            return cache != null ? cache : out.toAbsolutePath().normalize().resolveSibling(".briefing-cache");
        }
    }

    private final boolean resident;
    private BuildCache cache;
    private LanguageData data;
    private LanguageDetector detector;
    private String detectorFor;
    private Renderer renderer;
    private String rendererFor;
    private Enricher enricher;
    private String enricherFor;
    private Listing listing;
    /** A look at the site started ahead of the next build ({@link #expect}); null when none. */
    private SiteWriter.Survey expected;
    private long expectedAt;
    /** Parsed once: a builder is kept across {@code watch}'s builds. */
    private Taxonomy builtInTaxonomy;
    /** A resident builder's writers leave the replaced site for the next build to stage into. */
    private final SiteWriter.Spare spare;
    private java.util.function.Consumer<Path> whenWaiting = out -> {};

    /** The build could not run at all (bad configuration, template error, unsafe output); nothing was written. */
    public static final class BuildFailure extends Exception {
        public BuildFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A builder for one build, or a few: it does not keep seeds in memory between builds. */
    public Builder() {
        this(false);
    }

    private Builder(boolean resident) {
        this.resident = resident;
        this.spare = resident ? new SiteWriter.Spare() : null;
    }

    /** What to tell the user a build waits for, with the output folder. */
    public static final String WAITING = "waiting: another build is writing %s (a watch, a serve, or a build elsewhere); this one starts when it ends";

    /**
     * Told the output folder when a build must wait for another build of it to end (one in
     * another process, say); by default nothing is told. Returns this builder.
     */
    public Builder whenWaiting(java.util.function.Consumer<Path> told) {
        this.whenWaiting = Objects.requireNonNull(told);
        return this;
    }

    /** A builder that keeps what it read in memory for its next build, for {@code watch}. */
    public static Builder resident() {
        return new Builder(true);
    }

    public BuildReport build(Options o) throws BuildFailure, IOException {
        return build(o, null);
    }

    /**
     * Starts looking at the site in {@code o}'s output folder for the build about to come, unless
     * a look began less than a second ago. {@code watch} calls it at each change of a batch, so
     * that looking at the 21,000 files of the site (each file again, or the whole site walked when
     * this process did not commit it: 0.2–0.4 s, BENCHMARKS.md) overlaps its wait for the batch to
     * end. A page changed by hand after the look began is kept as it is by this build and put right
     * by the next.
     */
    public void expect(Options o) {
        // one begun over a second ago is begun again: a batch may go on, and the look must stay recent
        if (!resident || expected != null && System.nanoTime() - expectedAt < 1_000_000_000L) return;
        expected = SiteWriter.survey(o.out(), spare);
        expectedAt = System.nanoTime();
    }

    /**
     * A build told which paths in the seeds folder changed since the last one (by {@code watch},
     * which sees their events; absolute). When each is a file the last build listed and still
     * there, or a path that is gone and held none of those files (an editor's temporary file), the
     * seeds folder is not listed again. Null when not known.
     */
    public BuildReport build(Options o, Set<Path> changedSeeds) throws BuildFailure, IOException {
        Objects.requireNonNull(o, "options must not be null");
        // taken now, so that a build that fails early leaves no old look for a later one, and no
        // listing that the changes it was told of (and drops) have made stale
        SiteWriter.Survey early = expected;
        expected = null;
        Listing last = listing;
        listing = null;
        List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
        SiteConfig config = config(o, problems);
        if (!Files.isDirectory(o.source())) {
            throw new BuildFailure(o.source() + (Files.exists(o.source()) ? ": not a folder; pass the folder that holds the seeds as --source"
                    : ": seeds folder not found; create it or pass --source"), null);
        }
        try {
            // before any work: the article cache is written as articles are made
            SiteWriter.refuseUnsafe(o.out(), List.of(o.source(), o.templates(), o.cacheDir()), o.force());
        } catch (UnsafeOutputException e) {
            throw new BuildFailure(e.getMessage(), e);
        }
        // before the lock, which makes the cache folder
        refuseCacheInside(o);
        try (BuildLock lock = BuildLock.take(o.cacheDir(), () -> whenWaiting.accept(o.out()))) {
            return build(o, changedSeeds, early, last, problems, config);
        }
    }

    private BuildReport build(Options o, Set<Path> changedSeeds, SiteWriter.Survey early, Listing last,
                              List<Problem> problems, SiteConfig config) throws BuildFailure, IOException {
        long start = System.nanoTime(); // the wait for another build is not this one's time
        SiteWriter.Survey survey = early != null ? early : SiteWriter.survey(o.out(), spare);
        // read once: the article cache and the renderer both key on the templates
        String templates = BuildCache.tree(o.templates());
        Site site = prepare(o, config, problems, changedSeeds, last, templates);
        Enricher.Result enriched = site.enriched();
        String look = BuildCache.sha(BuildCache.json(config), String.valueOf(o.templates()), templates);
        if (renderer == null || !look.equals(rendererFor)) {
            // kept across builds with the same templates and settings: it holds the parsed templates
            try {
                renderer = new Renderer(config, o.templates(), new Messages(config.languages(), config.defaultLanguage(), o.templates(), config.title()),
                        resident);
            } catch (RenderException e) {
                throw new BuildFailure(e.getMessage(), e);
            }
            rendererFor = look;
        }
        Messages messages = renderer.messages();
        if (config.baseUrl() == null) {
            problems.add(Problem.warning(o.config() == null ? "site.yml" : o.config().toString(), 0, "no baseUrl set",
                    "set baseUrl in site.yml so feeds, sitemap and canonical links carry absolute URLs"));
        }
        int written, unchanged;
        long rendered;
        BuildCache.Changes changes;
        try (SiteWriter writer = SiteWriter.open(o.out(), List.of(o.source(), o.templates(), cache.dir()), o.force(), spare, survey)) {
            renderer.render(new Renderer.Input(enriched.articles(), enriched.parallels(), site.taxonomy),
                    site.run.sink(writer));
            writer.commit();
            rendered = System.nanoTime();
            written = writer.written().size();
            unchanged = writer.unchanged();
            changes = site.run.finish(writer, enriched.articles(), enriched.parallels());
        } catch (UnsafeOutputException e) {
            throw new BuildFailure(e.getMessage(), e);
        } catch (RenderException e) {
            throw new BuildFailure(e.getMessage(), e);
        }
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(java.util.Comparator.comparing(Problem::file).thenComparingInt(Problem::line));
        long end = System.nanoTime();
        Map<String, Long> stages = new LinkedHashMap<>();
        stages.put("read, clean, enrich", (site.prepared() - start) / 1_000_000);
        stages.put("link", (site.linked() - site.prepared()) / 1_000_000);
        stages.put("render, write", (rendered - site.linked()) / 1_000_000);
        stages.put("save cache", (end - rendered) / 1_000_000);
        return new BuildReport(site.files, enriched.articles().size(), written, unchanged, List.copyOf(sorted),
                enriched.pairs(), enriched.articles(), List.copyOf(messages.missing()), (end - start) / 1_000_000,
                stages, changes);
    }

    /** Everything before rendering, and when its two stages ended ({@link System#nanoTime()}). */
    private record Site(int files, Taxonomy taxonomy, Enricher.Result enriched, BuildCache.Run run, long prepared,
                        long linked) {}

    private static SiteConfig config(Options o, List<Problem> problems) throws BuildFailure, IOException {
        try {
            SiteConfig c = ConfigReader.read(o.config(), problems);
            if (o.theme() != null) {
                c = new SiteConfig(c.title(), c.languages(), c.defaultLanguage(), c.baseUrl(), o.theme(), c.portable(),
                        c.pageSize(), c.topicThreshold(), c.maxTopics(), c.translationScore(), c.sameEventScore(),
                        c.maxFileSize(), c.taxonomy());
            }
            return c;
        } catch (ConfigReader.ConfigException e) {
            throw new BuildFailure(e.getMessage(), e);
        }
    }

    /** Load, clean and enrich each article, then link them. */
    private Site prepare(Options o, SiteConfig config, List<Problem> problems, Set<Path> changedSeeds, Listing last,
                         String templates)
            throws BuildFailure, IOException {
        Path base = o.config() != null && o.config().getParent() != null ? o.config().getParent() : Path.of(".");
        String languages = BuildCache.tree(base.resolve("languages"));
        if (detector == null || !languages.equals(detectorFor)) {
            // kept across builds: Lingua's models take seconds to load
            data = LanguageData.load(base.resolve("languages"));
            detector = new LanguageDetector(data);
            detectorFor = languages;
        }
        Taxonomy taxonomy;
        try {
            if (config.taxonomy() == null && builtInTaxonomy == null) builtInTaxonomy = TaxonomyReader.builtIn();
            taxonomy = config.taxonomy() == null ? builtInTaxonomy : TaxonomyReader.load(base.resolve(config.taxonomy()));
        } catch (IllegalArgumentException | IOException e) {
            throw new BuildFailure(e.getMessage(), e);
        }
        String settings = BuildCache.sha(BuildCache.code(), BuildCache.json(config), BuildCache.json(taxonomy), languages);
        BuildCache.Run run = cache(o).start(settings, templates, o.clean(), problems);
        SourceLoader loader = new SourceLoader(config.maxFileSize());
        List<Path> files = list(loader, o.source(), changedSeeds, last, problems);
        if (files.isEmpty()) {
            problems.add(Problem.warning(o.source().toString(), 0, "no seed files found; the site lists no article",
                    "put .txt, .md or .html articles in it, or pass the right --source"));
        }
        java.util.function.Function<Path, String> idOf = f -> o.source().relativize(f).toString().replace('\\', '/');
        java.util.function.Function<Path, RawDocument> load = f -> {
            String id = idOf.apply(f);
            return run.load(f, id, config.maxFileSize(), own -> loader.load(f, id, own), problems);
        };
        // text seeds are cleaned against the lines they share (site furniture), so they are all read first;
        // the others are read, cleaned and let go one at a time, so memory never holds the whole corpus
        Map<Boolean, List<Path>> isText = files.stream()
                .collect(Collectors.partitioningBy(f -> Format.of(f.getFileName().toString()) == Format.TXT));
        List<Path> text = isText.get(true);
        List<RawDocument> texts = text.parallelStream().map(load).filter(Objects::nonNull).toList();
        Set<String> furniture = Cleaner.furniture(texts);
        run.furniture(furniture);
        Cleaner cleaner = new Cleaner(data, detector);
        if (enricher == null || !settings.equals(enricherFor) || o.clean()) {
            // kept across builds with the same settings: a resident one remembers evidence and alignments
            enricher = new Enricher(config, detector, new TopicTagger(taxonomy), resident);
            enricherFor = settings;
        }
        Enricher enricher = this.enricher;
        java.util.function.Function<RawDocument, BuildCache.Entry> make = d -> {
            List<Problem> own = new ArrayList<>();
            Cleaned c = cleaner.clean(d, furniture).withoutVerdicts();
            own.addAll(c.problems());
            Article a = Boolean.TRUE.equals(c.frontMatter().draft()) ? null : enricher.enrichOne(c, own);
            return new BuildCache.Entry(a, List.copyOf(own));
        };
        java.util.stream.Stream<BuildCache.Entry> others = isText.get(false).parallelStream().map(f -> {
            String id = idOf.apply(f);
            return run.entry(f, id, config.maxFileSize(), own -> loader.load(f, id, own), make);
        });
        java.util.stream.Stream<BuildCache.Entry> cleanedTexts = texts.parallelStream()
                .map(d -> run.article(d.file(), () -> make.apply(d)));
        List<Article> articles = java.util.stream.Stream.concat(cleanedTexts, others).map(e -> {
            problems.addAll(e.problems());
            return e.article();
        }).filter(Objects::nonNull).toList();
        long prepared = System.nanoTime();
        // the articles before linking are let go once it returns: only the linked ones are kept
        Enricher.Result enriched = enricher.link(articles, problems);
        return new Site(files.size(), taxonomy, enriched, run, prepared, System.nanoTime());
    }

    /**
     * The seed files, as {@link SourceLoader#list} finds them; a resident builder takes the last
     * listing again when the changes it is told of leave it as it was ({@link #holds}).
     * Listing 10,000 seeds was 5 % of the samples of a rebuild in {@code watch} (JFR).
     */
    private List<Path> list(SourceLoader loader, Path source, Set<Path> changedSeeds, Listing last, List<Problem> problems)
            throws IOException {
        if (resident && changedSeeds != null && last != null && last.source().equals(source)
                && changedSeeds.stream().allMatch(p -> holds(last, p))) {
            problems.addAll(last.problems());
            listing = last;
            return last.paths();
        }
        List<Problem> own = new ArrayList<>();
        List<Path> files = loader.list(source, own);
        problems.addAll(own);
        if (resident) {
            Set<Path> absolute = new java.util.HashSet<>();
            for (Path f : files) absolute.add(f.toAbsolutePath().normalize());
            listing = new Listing(source, files, absolute, List.copyOf(own));
        }
        return files;
    }

    /** Whether {@code last} still holds after an event at {@code changed}. */
    private static boolean holds(Listing last, Path changed) {
        // as listed: a plain file (a symbolic link is checked where it points, by listing again)
        if (last.files().contains(changed)) return Files.isRegularFile(changed, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        String name = changed.getFileName().toString();
        // a hidden file that is no seed (an editor's swap file) is passed over by the listing without a word
        if (name.startsWith(".") && Format.of(name) == null && !Files.isDirectory(changed, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        if (Files.exists(changed, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return false; // a new file or folder
        for (Path f : last.files()) if (f.startsWith(changed)) return false; // a folder moved away
        return true;
    }

    /** A resident builder's last listing of the seeds folder: the paths as listed, and as absolute ones. */
    private record Listing(Path source, List<Path> paths, Set<Path> files, List<Problem> problems) {}

    /** The default cache sits beside the output, which the writer checks; a chosen folder is checked here. */
    private static void refuseCacheInside(Options o) throws BuildFailure {
        Path dir = o.cacheDir().toAbsolutePath().normalize();
        for (Path p : o.cache() == null ? List.<Path>of() : List.of(o.out(), o.source())) {
            Path pa = p.toAbsolutePath().normalize();
            if (dir.startsWith(pa) || pa.startsWith(dir)) {
                throw new BuildFailure(dir + ": the cache folder must be outside " + p + "; pass another --cache", null);
            }
        }
    }

    /** The cache of the last build when it used the same folder, else the one on disk. */
    private BuildCache cache(Options o) {
        Path dir = o.cacheDir().toAbsolutePath().normalize();
        if (cache == null || !cache.dir().equals(dir)) cache = new BuildCache(dir, resident);
        return cache;
    }
}
