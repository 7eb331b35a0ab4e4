package briefing.build;

import briefing.clean.Cleaner;
import briefing.enrich.Enricher;
import briefing.enrich.TaxonomyReader;
import briefing.enrich.TopicTagger;
import briefing.lang.LanguageData;
import briefing.lang.LanguageDetector;
import briefing.model.Cleaned;
import briefing.model.Format;
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

/** Cleans files without building a site: what {@code clean --json} and {@code clean --explain} show. */
public final class CleanRun {
    /** One file's outcome; {@code cleaned} is null when the file could not be read. */
    public record Result(String file, Cleaned cleaned, String lang, List<Problem> problems) {}

    private CleanRun() {}

    public static List<Result> run(List<Path> files) {
        SiteConfig config = SiteConfig.defaults();
        LanguageData data = LanguageData.builtIn();
        LanguageDetector detector = new LanguageDetector(data);
        SourceLoader loader = new SourceLoader(config.maxFileSize());
        Cleaner cleaner = new Cleaner(data, detector);
        Enricher enricher = new Enricher(config, detector, new TopicTagger(TaxonomyReader.builtIn()));
        List<List<Problem>> loadProblems = new ArrayList<>();
        List<RawDocument> docs = new ArrayList<>();
        for (Path f : files) {
            List<Problem> p = new ArrayList<>();
            Format format = Format.of(f.getFileName().toString());
            if (format == null) format = Format.TXT;
            RawDocument d = null;
            try {
                d = loader.parse(f.toString(), format, java.nio.file.Files.readAllBytes(f), p);
            } catch (java.nio.file.NoSuchFileException e) {
                p.add(Problem.error(f.toString(), 0, "file not found", "check the path"));
            } catch (java.io.IOException e) {
                p.add(Problem.error(f.toString(), 0, "cannot read file (" + e.getMessage() + ")", "check the path"));
            }
            docs.add(d);
            loadProblems.add(p);
        }
        Set<String> furniture = Cleaner.furniture(docs.stream().filter(Objects::nonNull).toList());
        List<Result> out = new ArrayList<>(Collections.nCopies(files.size(), null));
        java.util.stream.IntStream.range(0, files.size()).parallel().forEach(i -> {
            RawDocument d = docs.get(i);
            List<Problem> p = new ArrayList<>(loadProblems.get(i));
            if (d == null) {
                out.set(i, new Result(files.get(i).toString(), null, null, p));
                return;
            }
            Cleaned c = cleaner.clean(d, furniture);
            p.addAll(c.problems());
            out.set(i, new Result(files.get(i).toString(), c, enricher.language(c, p), p));
        });
        return out;
    }
}
