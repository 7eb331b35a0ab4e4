package briefing.enrich;

import briefing.clean.Cleaner;
import briefing.lang.LanguageData;
import briefing.lang.LanguageDetector;
import briefing.model.Article;
import briefing.model.Format;
import briefing.model.Problem;
import briefing.model.RawDocument;
import briefing.model.SiteConfig;
import briefing.source.SourceLoader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * Measures automatic pairing on generated corpora, to show how its cost grows with the number
 * of articles. Not a test: run it on corpora made by {@code make_corpus.py --format txt}:
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) briefing.enrich.PairingBench [--sizes=1000,5000] DIR...
 * </pre>
 * Prints, per folder (or per random sample of each size given), the pairs found and the median times of five runs of
 * reading each article for pairing (its {@link Evidence} and headline topics), of {@link Pairer#pair} over it, and of the whole
 * linking step.
 */
public final class PairingBench {
    private PairingBench() {}

    public static void main(String[] args) throws Exception {
        SiteConfig config = SiteConfig.defaults();
        LanguageData data = LanguageData.load(Path.of("languages"));
        List<Integer> sizes = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--sizes=")) {
                for (String n : arg.substring(8).split(",")) sizes.add(Integer.parseInt(n));
                continue;
            }
            LanguageDetector detector = new LanguageDetector(data);
            List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
            SourceLoader loader = new SourceLoader(config.maxFileSize());
            Path root = Path.of(arg);
            List<RawDocument> docs = loader.list(root, problems).parallelStream()
                    .map(f -> loader.load(f, root.relativize(f).toString(), problems)).filter(Objects::nonNull).toList();
            Set<String> furniture = Cleaner.furniture(docs);
            Cleaner cleaner = new Cleaner(data, detector);
            Enricher enricher = new Enricher(config, detector, new TopicTagger(TaxonomyReader.builtIn()));
            long t0 = System.nanoTime();
            List<Article> all = docs.parallelStream().map(d -> enricher.enrichOne(cleaner.clean(d, furniture), problems)).toList();
            System.out.printf(Locale.ROOT, "%s: %d articles cleaned and tagged in %.1f s%n", arg, all.size(), (System.nanoTime() - t0) / 1e9);
            // random samples of one corpus give several sizes for the price of cleaning it once
            List<Article> shuffled = new ArrayList<>(all);
            Collections.shuffle(shuffled, new Random(1));
            measure(arg + " (warm-up, not a figure)", all, enricher, config); // the JIT compiles while it runs
            for (int n : sizes.isEmpty() ? List.of(all.size()) : sizes) {
                if (n <= all.size()) measure(arg, shuffled.subList(0, n), enricher, config);
            }
        }
    }

    private static void measure(String dir, List<Article> articles, Enricher enricher, SiteConfig config) {
        Pairer pairer = new Pairer(config.translationScore(), config.sameEventScore());
        List<Long> evidenceTimes = new ArrayList<>(), pairTimes = new ArrayList<>(), linkTimes = new ArrayList<>();
        int translations = 0, sameEvent = 0;
        for (int run = 0; run < 5; run++) {
            long s = System.nanoTime();
            List<Pairer.Item> items = new ArrayList<>();
            for (Article a : articles) items.add(enricher.item(a, enricher.scan(a)));
            evidenceTimes.add(System.nanoTime() - s);
            s = System.nanoTime();
            List<Pairer.Decision> d = pairer.pair(items);
            pairTimes.add(System.nanoTime() - s);
            translations = (int) d.stream().filter(x -> x.kind() == Pairer.Decision.Kind.TRANSLATION).count();
            sameEvent = d.size() - translations;
            s = System.nanoTime();
            enricher.link(articles, new ArrayList<>());
            linkTimes.add(System.nanoTime() - s);
        }
        System.out.printf(Locale.ROOT, "%s, %d articles: %d translations, %d same event; medians of 5 runs: evidence %.1f ms, "
                        + "pairing %.1f ms, whole link step (evidence, pairs, related, alignment) %.1f ms%n",
                dir, articles.size(), translations, sameEvent, median(evidenceTimes), median(pairTimes), median(linkTimes));
    }

    private static double median(List<Long> nanos) {
        List<Long> s = new ArrayList<>(nanos);
        Collections.sort(s);
        return s.get(s.size() / 2) / 1e6;
    }
}
