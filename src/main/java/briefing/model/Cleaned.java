package briefing.model;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A seed after cleaning: its article text split from the page around it, and the metadata
 * the text states. Fields the text does not state are null.
 *
 * @param time     the time of day the text states beside its date, as printed (no time zone)
 * @param markdown for Markdown seeds, the body as written (rendered by Flexmark); null otherwise
 * @param verdicts one per non-empty input line, for {@code clean --explain} and the report
 */
public record Cleaned(String file, Format format, FrontMatter frontMatter, String title, LocalDate date,
                      LocalTime time, String author, String publication, String sourceUrl, List<Block> blocks,
                      List<String> removed, String markdown, List<LineVerdict> verdicts, List<Problem> problems) {

    /**
     * The same, with its blocks and Markdown kept compressed until read again: what a build
     * holds of every article between enriching and rendering it.
     */
    public Cleaned packed() {
        if (blocks instanceof PackedBody) return this;
        return new Cleaned(file, format, frontMatter, title, date, time, author, publication, sourceUrl,
                new PackedBody(blocks, markdown), removed, null, verdicts, problems);
    }

    /**
     * A packed body's bytes, as a cache stores them beside the rest of the article: reading the
     * body back as text and packing it again was a tenth of a rebuild in a new process (JFR).
     *
     * @param deflated the body's own array, handed out and taken in without a copy: written once
     *                 by the cache, never changed
     * @param length   the inflated bytes' length
     * @param size     the number of blocks
     */
    public record Packed(byte[] deflated, int length, int size) {}

    /** Its body's bytes when {@link #packed()}, else null. */
    public Packed packedBody() {
        return blocks instanceof PackedBody p ? p.bytes() : null;
    }

    /** The same with {@code body} as its blocks and Markdown; with null, the same without a body. */
    public Cleaned withPackedBody(Packed body) {
        return new Cleaned(file, format, frontMatter, title, date, time, author, publication, sourceUrl,
                body == null ? List.of() : new PackedBody(body), removed, null, verdicts, problems);
    }

    public List<Block> blocks() {
        return blocks instanceof PackedBody p ? p.unpack() : blocks;
    }

    /** For Markdown seeds, the body as written; null otherwise. */
    @Override
    public String markdown() {
        return blocks instanceof PackedBody p ? p.markdown() : markdown;
    }

    /** The same without the per-line verdicts, which only {@code clean --explain} shows: a build carries none. */
    public Cleaned withoutVerdicts() {
        return new Cleaned(file, format, frontMatter, title, date, time, author, publication, sourceUrl, blocks, removed,
                markdown, List.of(), problems);
    }

    public List<String> paragraphs() {
        return blocks().stream().filter(b -> b.kind() != Block.Kind.CAPTION).map(Block::text).toList();
    }

    public List<String> captions() {
        return blocks().stream().filter(b -> b.kind() == Block.Kind.CAPTION).map(Block::text).toList();
    }
}
