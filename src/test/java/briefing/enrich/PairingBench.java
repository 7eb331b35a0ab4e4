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
import java.util.Set;

/**
 * Measures automatic pairing on generated corpora, to show how its cost grows with the number
 * of articles. Not a test: run it on corpora made by {@code make_corpus.py --format txt}:
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) briefing.enrich.PairingBench DIR...
 * </pre>
 * Prints, per folder, the articles, the pairs found and the median time of five runs of
 * {@link Pairer#pair} over the cleaned articles' evidence, and of the whole linking step.
 */
public final class PairingBench {
    private PairingBench() {}

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
            Enricher enricher = new Enricher(config, detector, new TopicTagger(TaxonomyReader.builtIn()));
            long t0 = System.nanoTime();
            List<Article> articles = docs.parallelStream().map(d -> enricher.enrichOne(cleaner.clean(d, furniture), problems)).toList();
            long prepared = System.nanoTime() - t0;
            List<Pairer.Item> items = new ArrayList<>();
            for (Article a : articles) {
                items.add(new Pairer.Item(a.id(), a.lang(), a.translationKey(), a.date(),
                        Evidence.of(a.cleaned().paragraphs()), a.cleaned().format() != Format.MARKDOWN));
            }
            Pairer pairer = new Pairer(config.translationScore(), config.sameEventScore());
            List<Long> pairTimes = new ArrayList<>(), linkTimes = new ArrayList<>();
            int translations = 0, sameEvent = 0;
            for (int run = 0; run < 5; run++) {
                long s = System.nanoTime();
                List<Pairer.Decision> d = pairer.pair(items);
                pairTimes.add(System.nanoTime() - s);
                translations = (int) d.stream().filter(x -> x.kind() == Pairer.Decision.Kind.TRANSLATION).count();
                sameEvent = d.size() - translations;
                s = System.nanoTime();
                enricher.link(articles, new ArrayList<>());
                linkTimes.add(System.nanoTime() - s);
            }
            System.out.printf(Locale.ROOT, "%s: %d articles (cleaned and tagged in %.1f s), %d translations, %d same event; "
                            + "pairing median %.1f ms, whole link step (pairs, related, alignment) median %.1f ms%n",
                    dir, articles.size(), prepared / 1e9, translations, sameEvent, median(pairTimes), median(linkTimes));
        }
    }

    private static double median(List<Long> nanos) {
        List<Long> s = new ArrayList<>(nanos);
        Collections.sort(s);
        return s.get(s.size() / 2) / 1e6;
    }
}
