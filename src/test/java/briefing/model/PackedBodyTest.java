package briefing.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A packed article reads back exactly as it was cleaned. */
class PackedBodyTest {
    static Cleaned cleaned(List<Block> blocks, String markdown) {
        return new Cleaned("a.md", Format.MARKDOWN, FrontMatter.EMPTY, "Title", null, null, null, null, null, blocks,
                List.of("removed line"), markdown, List.of(), List.of());
    }

    @Test
    void blocksAndMarkdownComeBackUnchanged() {
        String long64k = "Hà Nội ".repeat(12_000); // past DataOutput.writeUTF's 64 KB
        List<Block> blocks = List.of(new Block(Block.Kind.HEADING, "Quan hệ Việt - Mỹ", 3),
                new Block(Block.Kind.PARAGRAPH, long64k, 5), new Block(Block.Kind.CAPTION, "Ảnh: TTXVN", 9),
                new Block(Block.Kind.PARAGRAPH, "", 11));
        String md = "## Quan hệ Việt - Mỹ\n\n" + long64k + "\n\n*Ảnh: TTXVN*\n";
        Cleaned packed = cleaned(blocks, md).packed();
        assertEquals(blocks, packed.blocks());
        assertEquals(md, packed.markdown());
        assertEquals(List.of("Quan hệ Việt - Mỹ", long64k, ""), packed.paragraphs());
        assertEquals(List.of("Ảnh: TTXVN"), packed.captions());
        assertSame(packed, packed.packed(), "packing twice does nothing");
        assertEquals(List.of(), packed.withoutVerdicts().verdicts());
        assertEquals(md, packed.withoutVerdicts().markdown());
    }

    /**
     * Watch keeps a page while its article equals the last one, which compares packed bytes: a
     * body packs to the same bytes whatever was packed or read before it on the thread, or on another.
     */
    @Test
    void theSameBodyPacksToTheSameBytesOnAnyThread() throws InterruptedException {
        List<Block> blocks = List.of(new Block(Block.Kind.PARAGRAPH, "Hà Nội mở rộng hợp tác. ".repeat(50), 1));
        Cleaned first = cleaned(blocks, "# Hà Nội\n").packed();
        Cleaned other = cleaned(List.of(new Block(Block.Kind.HEADING, "Something else entirely", 2)), "x".repeat(70_000)).packed();
        assertEquals("x".repeat(70_000), other.markdown());
        assertEquals(blocks, first.blocks());
        assertEquals(first.blocks(), cleaned(blocks, "# Hà Nội\n").packed().blocks());
        assertEquals(first, cleaned(blocks, "# Hà Nội\n").packed(), "packed again after other bodies");
        Cleaned[] elsewhere = new Cleaned[1];
        Thread t = new Thread(() -> elsewhere[0] = cleaned(blocks, "# Hà Nội\n").packed());
        t.start();
        t.join();
        assertEquals(first, elsewhere[0], "packed on another thread");
        assertNotEquals(first, cleaned(blocks, "# Hà Nội!\n").packed());
    }

    @Test
    void textSeedsHaveNoMarkdown() {
        Cleaned packed = cleaned(List.of(new Block(Block.Kind.PARAGRAPH, "Plain text.", 1)), null).packed();
        assertNull(packed.markdown());
        assertEquals(List.of("Plain text."), packed.paragraphs());
    }
}
