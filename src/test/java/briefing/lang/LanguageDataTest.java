package briefing.lang;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The built-in language data is read once and shared; a site's own files extend a copy of it. */
class LanguageDataTest {
    @Test
    void aSitesWordsFollowTheBuiltInOnesAndStayOutOfOtherBuilds(@TempDir Path site) throws IOException {
        Files.writeString(site.resolve("en.yml"), "stopwords: [newsroomword, the]\ncues:\n  source: [via wire]\n");
        List<String> builtIn = new ArrayList<>(LanguageData.builtIn().stopwords("en"));
        LanguageData extended = LanguageData.load(site);

        List<String> expected = new ArrayList<>(builtIn);
        expected.add("newsroomword");
        assertEquals(expected, new ArrayList<>(extended.stopwords("en")));
        assertTrue(extended.cues("source").contains("via wire"));
        assertTrue(extended.cues("source").containsAll(LanguageData.builtIn().cues("source")));

        assertEquals(builtIn, new ArrayList<>(LanguageData.builtIn().stopwords("en")));
        assertFalse(LanguageData.builtIn().cues("source").contains("via wire"));
        assertFalse(LanguageData.load(site.resolve("missing")).stopwords("en").contains("newsroomword"));
    }
}
