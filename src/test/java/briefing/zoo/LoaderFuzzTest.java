package briefing.zoo;

import briefing.clean.Cleaner;
import briefing.lang.LanguageData;
import briefing.lang.LanguageDetector;
import briefing.model.Format;
import briefing.model.Problem;
import briefing.model.RawDocument;
import briefing.source.SourceLoader;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Jazzer fuzzing of the loader and the cleaner: any exception or error is a finding. Runs only
 * in the fuzz profile ({@code mvn -Pfuzz test -Dtest=LoaderFuzzTest#loadAndClean}); findings
 * are copied to {@code src/test/resources/zoo/fuzz/} and replayed by {@link FuzzRegressionTest}.
 */
@Tag("fuzz")
class LoaderFuzzTest {
    private static final SourceLoader LOADER = new SourceLoader(10L * 1024 * 1024);
    private static final LanguageData DATA = LanguageData.builtIn();
    private static final Cleaner CLEANER = new Cleaner(DATA, new LanguageDetector(DATA));

    /** The first byte picks the format (as the file's extension would), the rest are the file. */
    static void check(byte[] input) {
        if (input.length == 0) return;
        Format format = Format.values()[(input[0] & 0xFF) % Format.values().length];
        List<Problem> problems = new ArrayList<>();
        RawDocument doc = LOADER.parse("fuzz." + format.name().toLowerCase(), format, Arrays.copyOfRange(input, 1, input.length), problems);
        if (doc != null) CLEANER.clean(doc, Set.of());
    }

    @FuzzTest(maxDuration = "4m")
    void loadAndClean(byte[] input) {
        check(input);
    }
}
