package briefing.build;

import briefing.clean.Cleaner;
import briefing.enrich.Enricher;
import briefing.enrich.TaxonomyReader;
import briefing.enrich.TopicTagger;
import briefing.lang.LanguageData;
import briefing.lang.LanguageDetector;
import briefing.model.Article;
import briefing.model.Cleaned;
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
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Runs a whole build. Stateless; each call reads everything afresh. */
public final class Builder {
    /** What to build from and where to. {@code theme} overrides the configuration's when not null. */
    public record Options(Path source, Path out, Path templates, Path config, String theme, boolean force) {}

    /** The build could not run at all (bad configuration, template error, unsafe output); nothing was written. */
    public static final class BuildFailure extends Exception {
        public BuildFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public BuildReport build(Options o) throws BuildFailure, IOException {
        Objects.requireNonNull(o, "options must not be null");
        long start = System.nanoTime();
        List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
        SiteConfig config = config(o, problems);
        if (!Files.isDirectory(o.source())) {
            throw new BuildFailure(o.source() + ": seeds folder not found; create it or pass --source", null);
        }
        Site site = prepare(o, config, problems);
        Messages messages = new Messages(config.languages(), config.defaultLanguage(), o.templates());
        Renderer renderer;
        try {
            renderer = new Renderer(config, o.templates(), messages);
        } catch (RenderException e) {
            throw new BuildFailure(e.getMessage(), e);
        }
        if (config.baseUrl() == null) {
            problems.add(Problem.warning(o.config() == null ? "site.yml" : o.config().toString(), 0, "no baseUrl set",
                    "set baseUrl in site.yml so feeds, sitemap and canonical links carry absolute URLs"));
        }
        int written, unchanged;
        try (SiteWriter writer = SiteWriter.open(o.out(), List.of(o.source(), o.templates()), o.force())) {
            renderer.render(new Renderer.Input(site.enriched.articles(), site.enriched.parallels(), site.taxonomy), writer::write);
            writer.commit();
            written = writer.written().size();
            unchanged = writer.unchanged();
        } catch (UnsafeOutputException e) {
            throw new BuildFailure(e.getMessage(), e);
        } catch (RenderException e) {
            throw new BuildFailure(e.getMessage(), e);
        }
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(java.util.Comparator.comparing(Problem::file).thenComparingInt(Problem::line));
        return new BuildReport(site.files, site.enriched.articles().size(), written, unchanged, List.copyOf(sorted),
                site.enriched.pairs(), site.enriched.articles(), List.copyOf(messages.missing()),
                (System.nanoTime() - start) / 1_000_000);
    }

    private record Site(int files, Taxonomy taxonomy, Enricher.Result enriched) {}

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

    /** Load, clean and enrich: everything before rendering. */
    private Site prepare(Options o, SiteConfig config, List<Problem> problems) throws BuildFailure, IOException {
        Path base = o.config() != null && o.config().getParent() != null ? o.config().getParent() : Path.of(".");
        LanguageData data = LanguageData.load(base.resolve("languages"));
        LanguageDetector detector = new LanguageDetector(data);
        Taxonomy taxonomy;
        try {
            taxonomy = config.taxonomy() == null ? TaxonomyReader.builtIn() : TaxonomyReader.load(base.resolve(config.taxonomy()));
        } catch (IllegalArgumentException | IOException e) {
            throw new BuildFailure(e.getMessage(), e);
        }
        SourceLoader loader = new SourceLoader(config.maxFileSize());
        List<Path> files = loader.list(o.source(), problems);
        List<RawDocument> docs = files.parallelStream()
                .map(f -> loader.load(f, o.source().relativize(f).toString().replace('\\', '/'), problems))
                .filter(Objects::nonNull).toList();
        Set<String> furniture = Cleaner.furniture(docs);
        Cleaner cleaner = new Cleaner(data, detector);
        Enricher enricher = new Enricher(config, detector, new TopicTagger(taxonomy));
        List<Article> articles = docs.parallelStream().map(d -> {
            Cleaned c = cleaner.clean(d, furniture);
            problems.addAll(c.problems());
            return c;
        }).filter(c -> !Boolean.TRUE.equals(c.frontMatter().draft()))
                .map(c -> enricher.enrichOne(c, problems)).toList();
        return new Site(files.size(), taxonomy, enricher.link(articles, problems));
    }
}
