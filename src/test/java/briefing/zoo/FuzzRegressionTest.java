package briefing.zoo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Replays every input in {@code src/test/resources/zoo/fuzz/} (fuzzing findings, fixed, and
 * inputs written by hand in the same format: first byte picks txt/md/html) through the loader
 * and the cleaner, exactly as {@link LoaderFuzzTest} runs them.
 */
class FuzzRegressionTest {
    static Stream<Path> inputs() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/zoo/fuzz"))) {
            return s.sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void replays(Path input) throws IOException {
        byte[] bytes = Files.readAllBytes(input);
        assertTrue(bytes.length > 0);
        assertDoesNotThrow(() -> LoaderFuzzTest.check(bytes));
    }
}
