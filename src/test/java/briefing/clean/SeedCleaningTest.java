package briefing.clean;

import briefing.lang.LanguageData;
import briefing.lang.LanguageDetector;
import briefing.model.Cleaned;
import briefing.model.Format;
import briefing.model.RawDocument;
import briefing.source.SourceLoader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The five sample seeds, cleaned as a reader would want them: every real paragraph kept,
 * every line of site furniture out, captions apart, metadata found. The expectations were
 * written by reading each seed line by line.
 */
class SeedCleaningTest {
    static final LanguageData DATA = LanguageData.builtIn();
    static final Cleaner CLEANER = new Cleaner(DATA, new LanguageDetector(DATA));

    static Cleaned clean(String prefix) throws IOException {
        try (Stream<Path> s = Files.list(Path.of("seeds"))) {
            Path f = s.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
            RawDocument d = new SourceLoader(1 << 20).parse(f.getFileName().toString(), Format.TXT, Files.readAllBytes(f), new ArrayList<>());
            return CLEANER.clean(d, Set.of());
        }
    }

    private static void assertNoneStartsWith(List<String> lines, String... prefixes) {
        for (String l : lines) for (String p : prefixes) assertFalse(l.startsWith(p), "should be gone: " + l);
    }

    @Test
    void seed000KeepsTheArticleAndDropsTheAggregatorPage() throws IOException {
        Cleaned c = clean("000");
        assertEquals("Terus mengembangkan hubungan Vietnam - AS dengan cara yang stabil dan substantif", c.title());
        assertEquals("2024-09-23", c.date().toString());
        assertEquals("https://thanhnien.vn/tiep-tuc-dua-quan-he-viet-nam-my-ngay-cang-phat-trien-on-dinh-thuc-chat-185240924001925137.htm", c.sourceUrl());
        assertEquals("Thanhnien.vn", c.publication());
        List<String> paras = c.paragraphs();
        // 23 prose paragraphs and 3 subheadings, from "Selalu menjadi..." to "Pada pertemuan tersebut..."
        assertEquals(26, paras.size(), String.join("\n", paras));
        assertEquals("Selalu menjadi teman dan mitra yang baik", paras.get(0));
        assertTrue(paras.get(25).startsWith("Pada pertemuan tersebut"));
        assertTrue(paras.contains("Potensi besar untuk kerja sama di bidang semikonduktor dan AI"));
        assertNoneStartsWith(paras, "Vietnam.vn", "Độc lập", "Komentar", "No data", "Dalam ", "Jet tempur", "Warisan", "Source:", "Tiếp tục đưa");
        assertEquals(2, c.captions().size());
        assertTrue(c.captions().get(0).startsWith("Sekretaris Jenderal dan Presiden To Lam berpidato"));
        assertTrue(c.removed().contains("Độc lập - Tự do - Hạnh phúc"));
        assertTrue(c.removed().contains("No videos available"));
    }

    @Test
    void seed001HasNoHeadlineAndKeepsItsCaptions() throws IOException {
        Cleaned c = clean("001");
        assertNull(c.title(), "001 opens with its lede, not a headline");
        assertTrue(c.paragraphs().get(0).startsWith("Sekretaris Jenderal To Lam dan istrinya, bersama delegasi Vietnam"));
        assertEquals("https://vietnamnet.vn/tong-bi-thu-tham-han-quoc-mo-ra-chuong-moi-tuoi-sang-cua-quan-he-viet-han-2431770.html", c.sourceUrl());
        assertEquals(3, c.captions().size());
        assertTrue(c.captions().stream().allMatch(x -> x.contains("Foto:")));
        assertEquals(20, c.paragraphs().size());
        assertEquals(List.of("Vietnamnet.vn", "Sumber: https://vietnamnet.vn/tong-bi-thu-tham-han-quoc-mo-ra-chuong-moi-tuoi-sang-cua-quan-he-viet-han-2431770.html", "Komentar (0)"), c.removed());
    }

    @Test
    void seed002FindsHeadlineDateBylineAndCaptions() throws IOException {
        Cleaned c = clean("002");
        assertEquals("Vietnam aims for hi-tech cooperation as breakthrough in US relations", c.title());
        assertEquals("2024-09-23", c.date().toString());
        assertEquals("12:43", c.time().toString(), "'12:43 PM' beside the date");
        assertEquals("Ngoc Mai", c.author());
        assertEquals(List.of("General Secretary and State President To Lam at the event.",
                "The Party Chief and\u00A0former US Secretary of State John Kerry."), c.captions(), "wording kept exactly, no-break space included");
        assertEquals(10, c.paragraphs().size());
        assertTrue(c.paragraphs().get(0).startsWith("The Vietnam-US ties have set a model"));
        assertTrue(c.paragraphs().get(9).startsWith("The US is Vietnam’s largest export market"));
        assertTrue(c.removed().contains("FOREIGN RELATION NEWS"));
    }

    @Test
    void seed003IsAllArticle() throws IOException {
        Cleaned c = clean("003");
        assertEquals("Việt Nam muốn tạo đột phá trong quan hệ với Mỹ bằng hợp tác công nghệ cao", c.title());
        assertNull(c.date(), "003 states only '22/9', no year");
        assertEquals(11, c.paragraphs().size());
        assertTrue(c.removed().isEmpty());
        assertTrue(c.captions().isEmpty());
    }

    @Test
    void seed004DropsRelatedHeadlinesAndAdMarkers() throws IOException {
        Cleaned c = clean("004");
        assertNull(c.title());
        assertEquals(16, c.paragraphs().size());
        assertTrue(c.paragraphs().get(7).endsWith("fördern …"), "a paragraph ending in an ellipsis is content");
        assertEquals(List.of(
                "Wichtige strategische Partnerschaft: Ausbau der Beziehungen zwischen Vietnam und den USA ist die richtige Entscheidung",
                "Schlagen Sie den USA vor, Vietnam bald von der Liste der High-Tech-Exportbeschränkungen zu streichen",
                "[Anzeige_2]", "Quelle", "Kommentar (0)"), c.removed());
    }

    @Test
    void everyOutputLineIsAnInputLine() throws IOException {
        for (String seed : List.of("000", "001", "002", "003", "004")) {
            Cleaned c = clean(seed);
            Path f;
            try (Stream<Path> s = Files.list(Path.of("seeds"))) {
                f = s.filter(p -> p.getFileName().toString().startsWith(seed)).findFirst().orElseThrow();
            }
            List<String> input = Files.readAllLines(f).stream().map(String::strip).toList();
            for (String p : c.paragraphs()) assertTrue(input.contains(p), seed + ": not an input line: " + p);
            for (String p : c.captions()) assertTrue(input.contains(p), seed + ": not an input line: " + p);
            long nonEmpty = input.stream().filter(l -> !l.isEmpty()).count();
            int title = c.title() == null ? 0 : 1;
            assertEquals(nonEmpty, c.paragraphs().size() + c.captions().size() + c.removed().size() + title,
                    seed + ": every non-empty line lands in exactly one place");
        }
    }
}
