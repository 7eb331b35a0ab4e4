package briefing.clean;

import briefing.lang.LanguageData;
import briefing.lang.LanguageDetector;
import briefing.model.Problem;
import briefing.model.RawDocument;
import briefing.source.SourceLoader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Cleaning throughput on one core, per folder of seeds (plain-text pages, saved HTML pages).
 * Not a test: run it on a corpus, for example {@code make_corpus.py --format txt} or saved pages:
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) briefing.clean.CleaningBench DIR...
 * </pre>
 * Prints, per folder, the documents cleaned per second of wall time and per second of the
 * thread's CPU time (medians of five passes after a warm-up pass, one thread) and how many
 * lines needed Lingua.
 */
public final class CleaningBench {
    /** CPU time of the cleaning thread: on a shared machine it varies far less than wall time. */
    private static final java.lang.management.ThreadMXBean THREAD = java.lang.management.ManagementFactory.getThreadMXBean();

    private CleaningBench() {}

    public static void main(String[] args) throws Exception {
        LanguageData data = LanguageData.builtIn();
        for (String arg : args) {
            LanguageDetector detector = new LanguageDetector(data);
            Cleaner cleaner = new Cleaner(data, detector);
            List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
            SourceLoader loader = new SourceLoader(10 << 20);
            Path root = Path.of(arg);
            List<RawDocument> docs = loader.list(root, problems).stream()
                    .map(f -> loader.load(f, root.relativize(f).toString(), problems)).filter(Objects::nonNull).toList();
            Set<String> furniture = Cleaner.furniture(docs);
            for (RawDocument d : docs) cleaner.clean(d, furniture); // warm-up: the JIT compiles while it runs
            int linguaBefore = detector.linguaCalls();
            List<Long> times = new ArrayList<>(), cpu = new ArrayList<>();
            for (int run = 0; run < 5; run++) {
                long s = System.nanoTime(), c = THREAD.getCurrentThreadCpuTime();
                for (RawDocument d : docs) cleaner.clean(d, furniture);
                times.add(System.nanoTime() - s);
                cpu.add(THREAD.getCurrentThreadCpuTime() - c);
            }
            Collections.sort(times);
            Collections.sort(cpu);
            double seconds = times.get(2) / 1e9, cpuSeconds = cpu.get(2) / 1e9;
            System.out.printf(Locale.ROOT, "%s: %d documents, median of 5 passes %.3f s on one thread: %.0f documents/s; "
                    + "%.0f documents per CPU second; Lingua calls per pass %d%n", arg, docs.size(), seconds,
                    docs.size() / seconds, docs.size() / cpuSeconds, (detector.linguaCalls() - linguaBefore) / 5);
        }
    }
}
