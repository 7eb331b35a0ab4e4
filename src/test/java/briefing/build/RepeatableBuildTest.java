package briefing.build;

import briefing.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** Pages are rendered on several threads; the site written must not depend on their timing. */
class RepeatableBuildTest {
    @Test
    void twoBuildsOfTheSameSeedsWriteTheSameBytes(@TempDir Path tmp) throws IOException {
        Path a = tmp.resolve("a"), b = tmp.resolve("b");
        String config = tmp.resolve("none.yml").toString();
        assertEquals(0, Main.run("build", "--source", "seeds", "--out", a.toString(), "--config", config));
        assertEquals(0, Main.run("build", "--source", "seeds", "--out", b.toString(), "--config", config));
        List<String> files = files(a);
        assertEquals(files, files(b));
        assertTrue(files.size() > 10, "the seeds made a site of " + files.size() + " files");
        for (String f : files) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f + " differs between builds");
        }
    }

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }
}
