package briefing.source;

import briefing.model.Format;
import briefing.model.Problem;
import briefing.model.RawDocument;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SourceLoaderTest {
    private static final SourceLoader LOADER = new SourceLoader(1_000_000);

    private static RawDocument parse(byte[] bytes, List<Problem> problems) {
        return LOADER.parse("a.txt", Format.TXT, bytes, problems);
    }

    @Test
    void aSeedsFolderThatIsASymbolicLinkIsEntered(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path real = java.nio.file.Files.createDirectories(tmp.resolve("real/2024"));
        java.nio.file.Files.writeString(real.resolve("a.md"), "# A\n\nText.\n");
        java.nio.file.Path link = java.nio.file.Files.createSymbolicLink(tmp.resolve("seeds"), tmp.resolve("real"));
        List<Problem> problems = new ArrayList<>();
        List<java.nio.file.Path> files = new SourceLoader(1 << 20).list(link, problems);
        assertEquals(List.of(link.resolve("2024/a.md")), files, "named under the folder as given");
        assertEquals(List.of(), problems);
    }

    @Test
    void readsUtf8WithAndWithoutBom() {
        List<Problem> p = new ArrayList<>();
        byte[] plain = "Quan hệ Việt – Mỹ\n".getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[plain.length + 3];
        bom[0] = (byte) 0xEF; bom[1] = (byte) 0xBB; bom[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, bom, 3, plain.length);
        assertEquals("Quan hệ Việt – Mỹ\n", parse(plain, p).body());
        assertEquals("Quan hệ Việt – Mỹ\n", parse(bom, p).body());
        assertTrue(p.isEmpty());
    }

    @Test
    void readsUtf16WithBom() {
        List<Problem> p = new ArrayList<>();
        byte[] le = "\uFEFFHà Nội".getBytes(StandardCharsets.UTF_16LE);
        byte[] be = "\uFEFFHà Nội".getBytes(StandardCharsets.UTF_16BE);
        assertEquals("Hà Nội", parse(le, p).body());
        assertEquals("Hà Nội", parse(be, p).body());
    }

    @Test
    void normalizesToNfcAndLineEndingsToNewline() {
        String nfd = java.text.Normalizer.normalize("Việt Nam\r\nHà Nội\rĐà Nẵng", java.text.Normalizer.Form.NFD);
        RawDocument d = parse(nfd.getBytes(StandardCharsets.UTF_8), new ArrayList<>());
        assertEquals("Việt Nam\nHà Nội\nĐà Nẵng", d.body());
    }

    @Test
    void invalidUtf8IsAProblemNamingTheLine() {
        List<Problem> p = new ArrayList<>();
        byte[] bytes = {'o', 'k', '\n', 'b', 'a', 'd', (byte) 0xE9, '\n'};
        assertNull(parse(bytes, p));
        assertEquals(1, p.size());
        assertTrue(p.get(0).isError());
        assertEquals(2, p.get(0).line());
        assertTrue(p.get(0).toString().contains("not valid UTF-8"), p.get(0).toString());
    }

    @Test
    void binaryAndEmptyFilesAreProblems() {
        List<Problem> p = new ArrayList<>();
        assertNull(parse(new byte[]{0x50, 0x4B, 0x03, 0x04, 0, 0}, p));
        assertNull(parse("  \n\t\n".getBytes(StandardCharsets.UTF_8), p));
        assertEquals(2, p.size());
        assertTrue(p.get(0).message().contains("binary"));
        assertTrue(p.get(1).message().contains("empty"));
    }

    @Test
    void splitsFrontMatterAndCountsBodyLines() {
        List<Problem> p = new ArrayList<>();
        RawDocument d = parse("---\ntitle: Xin chào\ndate: 2024-09-23\ntopics!: [us]\n---\nBody line\n".getBytes(StandardCharsets.UTF_8), p);
        assertEquals("Xin chào", d.frontMatter().title());
        assertEquals("2024-09-23", d.frontMatter().date().toString());
        assertTrue(d.frontMatter().topicsReplace());
        assertEquals(List.of("us"), d.frontMatter().topics());
        assertEquals("Body line\n", d.body());
        assertEquals(6, d.bodyStartLine());
        assertTrue(p.isEmpty(), p.toString());
    }

    @Test
    void aDayTheMonthDoesNotHaveIsToldNotRolledOver() {
        for (String bad : List.of("2024-02-30", "2024-13-01", "2024-13-45")) {
            List<Problem> p = new ArrayList<>();
            RawDocument d = parse(("---\ndate: " + bad + "\n---\nText.\n").getBytes(StandardCharsets.UTF_8), p);
            assertNull(d.frontMatter().date(), bad);
            assertEquals(1, p.size(), bad);
            assertTrue(p.get(0).toString().contains("date") && p.get(0).toString().contains("YYYY-MM-DD"), p.get(0).toString());
            assertEquals(2, p.get(0).line(), bad);
        }
        // what YAML itself allows for a date still reads as that day
        for (String[] ok : new String[][]{{"2024-9-3", "2024-09-03"}, {"2024-09-23T10:00:00+07:00", "2024-09-23"},
                {"2024-09-23 10:00:00", "2024-09-23"}, {"'2024-02-29'", "2024-02-29"},
                // the day as written, not moved by the offset to another one in UTC (as SnakeYAML's dates were)
                {"2024-03-05T23:30:00-05:00", "2024-03-05"}, {"2024-09-23T02:00:00+07:00", "2024-09-23"},
                {"2024-03-05\t10:00:00", "2024-03-05"}}) {
            List<Problem> p = new ArrayList<>();
            RawDocument d = parse(("---\ndate: " + ok[0] + "\n---\nText.\n").getBytes(StandardCharsets.UTF_8), p);
            assertEquals(ok[1], String.valueOf(d.frontMatter().date()), ok[0]);
            assertTrue(p.isEmpty(), p.toString());
        }
    }

    @Test
    void badFrontMatterCostsTheFieldNotTheArticle() {
        List<Problem> p = new ArrayList<>();
        RawDocument d = parse("---\ntitle: [unclosed\n---\nText stays.\n".getBytes(StandardCharsets.UTF_8), p);
        assertNotNull(d);
        assertEquals("Text stays.\n", d.body());
        assertEquals(1, p.size());
        assertTrue(p.get(0).toString().startsWith("a.txt:"), p.get(0).toString());

        p.clear();
        d = parse("---\ntitel: Oops\ndraft: maybe\n---\nText.\n".getBytes(StandardCharsets.UTF_8), p);
        assertNotNull(d);
        assertEquals(2, p.size(), p.toString());
        assertTrue(p.get(0).message().contains("unknown front matter key 'titel'"));
        assertEquals(2, p.get(0).line());
        assertTrue(p.get(1).message().contains("draft"));
        assertEquals(3, p.get(1).line());
    }
    @Test
    void westernTextInWindows1252IsNotTakenForLegacyVietnamese() throws Exception {
        String[] texts = {
                "Noël à Paris : une idée naïve, dit-il. Le café coûte 3 € et la pièce fait 20 m² ; Coca-Cola® répond « non ».",
                "Die Außenminister trafen sich am Donnerstag in Köln; die Gespräche über Zölle dauerten bis spät in die Nacht.",
                "El presidente señaló que la reunión en Bogotá fue «muy útil» y que habrá acuerdos en años próximos."};
        for (String t : texts) {
            assertEquals(Decoder.Legacy.WINDOWS_1252, Decoder.Legacy.guess(t.getBytes("windows-1252"), 0), t);
        }
    }

    @Test
    void legacyVietnameseIsRecognisedByItsBytePatterns() throws Exception {
        byte[] tcvn = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("src/test/resources/zoo/vietnamese-tcvn3.txt"));
        byte[] vni = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("src/test/resources/zoo/vietnamese-vni.txt"));
        assertEquals(Decoder.Legacy.TCVN3, Decoder.Legacy.guess(tcvn, 0));
        assertEquals(Decoder.Legacy.VNI, Decoder.Legacy.guess(vni, 0));
        // the fixtures hold what the legacy fonts' users typed: "Hà Nội" read as Latin-1 / windows-1252
        assertTrue(new String(tcvn, StandardCharsets.ISO_8859_1).startsWith("Hµ Néi"));
        assertTrue(new String(vni, "windows-1252").startsWith("Haø Noäi"));
    }

    @Test
    void controlBytesMeanBinaryEvenWithoutNul() {
        List<Problem> p = new ArrayList<>();
        assertNull(parse(new byte[]{'G', 'I', 'F', '8', '9', 'a', 0x01, 0x02}, p));
        assertTrue(p.get(0).message().startsWith("binary data (byte 0x1 at offset 6)"), p.toString());
    }
}
