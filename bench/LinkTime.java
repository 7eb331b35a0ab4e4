import briefing.clean.Cleaner;
import briefing.enrich.Enricher;
import briefing.enrich.TaxonomyReader;
import briefing.enrich.TopicTagger;
import briefing.lang.LanguageData;
import briefing.lang.LanguageDetector;
import briefing.model.Article;
import briefing.model.Problem;
import briefing.model.RawDocument;
import briefing.model.SiteConfig;
import briefing.source.SourceLoader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Times the site-wide step of enrichment (evidence, translation pairing, related articles,
 * paragraph alignment) on a corpus, apart from loading and cleaning, to show how it grows
 * with the number of articles. Run from the repo root after {@code mvn package}:
 * {@code java -cp target/briefing.jar bench/LinkTime.java CORPUS_DIR...}
 */
public class LinkTime {
    public static void main(String[] args) throws Exception {
        System.out.println("| articles | link (median of 3) | per article | pairs found |");
        System.out.println("|---|---|---|---|");
        for (String dir : args) {
            SiteConfig config = SiteConfig.defaults();
            List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
            LanguageData data = LanguageData.load(Path.of("languages"));
            LanguageDetector detector = new LanguageDetector(data);
            SourceLoader loader = new SourceLoader(config.maxFileSize());
            Path source = Path.of(dir);
            List<RawDocument> docs = loader.list(source, problems).parallelStream()
                    .map(f -> loader.load(f, source.relativize(f).toString(), problems)).filter(Objects::nonNull).toList();
            Set<String> furniture = Cleaner.furniture(docs);
            Cleaner cleaner = new Cleaner(data, detector);
            Enricher enricher = new Enricher(config, detector, new TopicTagger(TaxonomyReader.builtIn()));
            List<Article> articles = docs.parallelStream().map(d -> enricher.enrichOne(cleaner.clean(d, furniture), problems)).toList();
            List<Long> times = new ArrayList<>();
            int pairs = 0;
            for (int run = 0; run < 4; run++) { // the first run warms the JIT up and is not counted
                long t = System.nanoTime();
                pairs = enricher.link(articles, new ArrayList<>()).pairs().size();
                if (run > 0) times.add(System.nanoTime() - t);
            }
            Collections.sort(times);
            double ms = times.get(1) / 1e6;
            System.out.printf("| %,d | %.0f ms | %.3f ms | %,d |%n", articles.size(), ms, ms / articles.size(), pairs);
        }
    }
}
