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

    @Test
    void textSeedsHaveNoMarkdown() {
        Cleaned packed = cleaned(List.of(new Block(Block.Kind.PARAGRAPH, "Plain text.", 1)), null).packed();
        assertNull(packed.markdown());
        assertEquals(List.of("Plain text."), packed.paragraphs());
    }
}
