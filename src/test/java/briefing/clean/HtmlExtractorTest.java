package briefing.clean;

import briefing.model.Cleaned;
import briefing.model.Format;
import briefing.model.RawDocument;
import briefing.source.SourceLoader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Saved pages written for these tests: the article in, the page around it out, metadata read. */
class HtmlExtractorTest {
    static Cleaned clean(String name) throws IOException {
        try (InputStream in = HtmlExtractorTest.class.getResourceAsStream("/clean/html/" + name)) {
            RawDocument d = new SourceLoader(1 << 20).parse(name, Format.HTML, in.readAllBytes(), new ArrayList<>());
            return SeedCleaningTest.CLEANER.clean(d, Set.of());
        }
    }

    private static boolean anyStartsWith(List<String> lines, String prefix) {
        return lines.stream().anyMatch(l -> l.startsWith(prefix));
    }

    @Test
    void semanticPageKeepsArticleHeadingsQuotesAndListsAndDropsTheRest() throws IOException {
        Cleaned c = clean("article.html");
        List<String> p = c.paragraphs();
        assertEquals("Harbour reopens after storm", c.title());
        assertEquals("The harbour reopened on Sunday morning, three days after the storm tore through the coast, the port authority said.", p.get(0));
        assertTrue(p.contains("Fishing fleet counts its losses"), "subheading kept");
        assertTrue(p.contains("We have never seen the water rise this fast, not in forty years on this quay."), "quote kept");
        assertTrue(p.contains("The fish market stays closed until further notice."), "list inside the article kept");
        assertTrue(p.get(p.size() - 1).startsWith("The regional government has promised"), String.join("\n", p));
        for (String gone : List.of("News", "Share on", "Storm warning", "Great news for the island", "Mayor resigns", "©", "By Mara"))
            assertFalse(anyStartsWith(p, gone), "should be gone: " + gone);
        assertEquals(List.of("The first ferry leaves the harbour on Sunday. Photo: Port Authority"), c.captions());
        assertEquals("2024-09-22", c.date().toString());
        assertEquals("Mara Lind", c.author());
        assertEquals("Coastal Times", c.publication());
        assertEquals("https://coastal.example/news/harbour-reopens", c.sourceUrl());
    }

    @Test
    void textStraightInsideAFormWrappedContainerIsTheArticle() throws IOException {
        Cleaned c = clean("form-wrapped.html");
        String body = String.join("\n", c.paragraphs());
        assertTrue(body.contains("The town council approved the plans for a new primary school"), body);
        assertTrue(body.contains("with a grant from the region covering about a third of the cost."), body);
        assertFalse(body.contains("Road works"), body);
        assertFalse(body.contains("Town Hall"), body);
        assertEquals("Council approves new school", c.title());
    }

    @Test
    void proseSetInBrRunsBetweenPicturesIsNotAGallery() throws IOException {
        Cleaned c = clean("br-prose-between-pictures.html");
        String body = String.join("\n", c.paragraphs());
        assertTrue(body.startsWith("The new bridge over the river opened to traffic on Friday"), body);
        assertTrue(body.contains("which also has a wide lane for cyclists and walkers."), body);
        assertFalse(body.contains("Fire at the sawmill"), body);
    }

    @Test
    void divsOfTextBetweenPicturesCountAsParagraphs() throws IOException {
        Cleaned c = clean("div-paragraphs-between-pictures.html");
        String body = String.join("\n", c.paragraphs());
        assertTrue(body.contains("Volunteers rebuilt the water wheel by hand"), body);
        assertTrue(body.contains("grind flour again on the first Sunday of every month."), body);
        assertFalse(body.contains("Fire at the sawmill"), body);
    }

    @Test
    void anArticleBodySplitInChunksAroundAnAdIsKeptWhole() throws IOException {
        Cleaned c = clean("body-in-chunks.html");
        String body = String.join("\n", c.paragraphs());
        assertTrue(body.startsWith("Ferry fares across the bay will rise by a tenth"), body);
        assertTrue(body.contains("collect signatures against the rise."), body);
        assertFalse(body.contains("Advertisement"), body);
    }
}
