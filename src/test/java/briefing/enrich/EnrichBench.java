package briefing.enrich;

import briefing.clean.Cleaner;
import briefing.lang.LanguageData;
import briefing.lang.LanguageDetector;
import briefing.model.Article;
import briefing.model.Cleaned;
import briefing.model.Problem;
import briefing.model.RawDocument;
import briefing.model.SiteConfig;
import briefing.source.SourceLoader;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Times the parts of the enrich stage on a corpus, apart from loading and cleaning: the
 * per-article part ({@link Enricher#enrichOne}: language, topic tagging), {@link Evidence#of}
 * over every article on one thread, and the site-wide {@link Enricher#link}. Not a test.
 * Prints medians of five runs after a warm-up run, in wall time and in process CPU time
 * (all threads, garbage collection included: steadier than wall time on a shared machine),
 * and a digest of everything the stage decided, so that two builds can be shown to give the
 * same results:
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx2g -cp target/classes:target/test-classes:$(cat target/cp.txt) briefing.enrich.EnrichBench DIR...
 * </pre>
 */
public final class EnrichBench {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private EnrichBench() {}

    public static void main(String[] args) throws Exception {
        SiteConfig config = SiteConfig.defaults();
        LanguageData data = LanguageData.load(Path.of("languages"));
        for (String dir : args) {
            LanguageDetector detector = new LanguageDetector(data);
            List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
            SourceLoader loader = new SourceLoader(config.maxFileSize());
            Path root = Path.of(dir);
            List<RawDocument> docs = loader.list(root, problems).parallelStream()
                    .map(f -> loader.load(f, root.relativize(f).toString(), problems)).filter(Objects::nonNull).toList();
            Set<String> furniture = Cleaner.furniture(docs);
            Cleaner cleaner = new Cleaner(data, detector);
            List<Cleaned> cleaned = docs.parallelStream().map(d -> cleaner.clean(d, furniture)).toList();
            Enricher enricher = new Enricher(config, detector, new TopicTagger(TaxonomyReader.builtIn()));
            List<Article> articles = List.of();
            Enricher.Result result = null;
            List<long[]> one = new ArrayList<>(), evidence = new ArrayList<>(), link = new ArrayList<>();
            for (int run = 0; run < 6; run++) { // the first run warms the JIT up and is not counted
                List<long[]> sink = run == 0 ? new ArrayList<>() : one;
                articles = time(sink, () -> cleaned.parallelStream().map(c -> enricher.enrichOne(c, new ArrayList<>())).toList());
                List<Article> all = articles;
                time(run == 0 ? new ArrayList<>() : evidence, () -> {
                    int n = 0;
                    for (Article a : all) n += Evidence.of(a.cleaned().paragraphs()).features().size();
                    return n;
                });
                result = time(run == 0 ? new ArrayList<>() : link, () -> enricher.link(all, new ArrayList<>()));
            }
            System.out.printf(Locale.ROOT, "%s, %d articles, %d pairs; medians of 5 runs, wall / CPU: enrichOne %s, "
                            + "Evidence.of (one thread) %s, link %s; digest %08x%n", dir, articles.size(), result.pairs().size(),
                    median(one), median(evidence), median(link), digest(result));
        }
    }

    private static <T> T time(List<long[]> sink, Supplier<T> work) {
        long cpu = OS.getProcessCpuTime(), wall = System.nanoTime();
        T out = work.get();
        sink.add(new long[]{System.nanoTime() - wall, OS.getProcessCpuTime() - cpu});
        return out;
    }

    private static String median(List<long[]> runs) {
        List<Long> wall = new ArrayList<>(), cpu = new ArrayList<>();
        for (long[] r : runs) {
            wall.add(r[0]);
            cpu.add(r[1]);
        }
        Collections.sort(wall);
        Collections.sort(cpu);
        return String.format(Locale.ROOT, "%.0f / %.0f ms", wall.get(wall.size() / 2) / 1e6, cpu.get(cpu.size() / 2) / 1e6);
    }

    /** Every decision of the stage (articles with their links and topics, pairs with their evidence, alignments). */
    private static int digest(Enricher.Result r) {
        int h = 1;
        for (Article a : r.articles()) {
            h = 31 * h + Objects.hash(a.id(), a.slug(), a.lang(), a.title(), a.summary(), a.topics(), a.translationKey(),
                    a.translations(), a.sameEvent(), a.related());
        }
        for (Pairer.Decision d : r.pairs()) h = 31 * h + Objects.hash(d.a(), d.b(), d.kind().name(), d.score(), d.evidence());
        return 31 * h + r.parallels().hashCode(); // an enum's hash code changes from run to run: its name stands for it
    }
}
