package briefing.model;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * An article's blocks and Markdown source kept deflated between the stages that read them, so
 * a build holds its corpus in a fraction of the memory plain strings take (Vietnamese text is
 * two bytes a character as a string; the blocks repeat the Markdown they came from, which the
 * compressor notices). Every read inflates it again: {@link Cleaned} hands out {@link #unpack()}'s
 * list, so a stage iterating the blocks pays once. Immutable and thread-safe; equal to any list
 * of the same blocks, and to another packed body only with the same Markdown too (see {@link #equals}).
 */
final class PackedBody extends AbstractList<Block> {
    /**
     * One compressor and one decompressor per thread, reset for each body: a new one allocated
     * and cleared its native state (a quarter of a megabyte to deflate) for every article packed
     * and every read, which cost more than the few kilobytes of a body. A reset one gives the
     * same bytes.
     */
    private static final ThreadLocal<Deflater> DEFLATER = ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED));
    private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(Inflater::new);

    private final byte[] deflated;
    private final int length;
    private final int size;

    PackedBody(List<Block> blocks, String markdown) {
        // each string encoded once and laid out in one array of its exact size, as a DataOutputStream
        // would write them: the Markdown first (rendering needs only it, so a read of it stops there)
        byte[] md = markdown == null ? null : markdown.getBytes(StandardCharsets.UTF_8);
        byte[][] texts = new byte[blocks.size()][];
        int total = 1 + (md == null ? 0 : 4 + md.length) + 4;
        for (int i = 0; i < texts.length; i++) total += 1 + 4 + 4 + (texts[i] = blocks.get(i).text().getBytes(StandardCharsets.UTF_8)).length;
        ByteBuffer out = ByteBuffer.allocate(total);
        out.put((byte) (md != null ? 1 : 0));
        if (md != null) out.putInt(md.length).put(md);
        out.putInt(texts.length);
        for (int i = 0; i < texts.length; i++) {
            Block b = blocks.get(i);
            out.put((byte) b.kind().ordinal()).putInt(b.line()).putInt(texts[i].length).put(texts[i]);
        }
        byte[] plain = out.array();
        Deflater d = DEFLATER.get();
        d.reset();
        d.setInput(plain);
        d.finish();
        byte[] buf = new byte[plain.length + 64];
        int n = d.deflate(buf);
        this.deflated = java.util.Arrays.copyOf(buf, n);
        this.length = plain.length;
        this.size = blocks.size();
    }

    /** A body kept as {@link #bytes()} gave it, by a cache that stores it without unpacking it. */
    PackedBody(Cleaned.Packed bytes) {
        this.deflated = bytes.deflated();
        this.length = bytes.length();
        this.size = bytes.size();
    }

    Cleaned.Packed bytes() {
        return new Cleaned.Packed(deflated, length, size);
    }

    /**
     * Two packed bodies are equal when their bytes are, so Markdown that differs only in layout (a
     * hard line break, an indented block: the same blocks' text) makes them differ: a packed
     * {@link Cleaned} holds its Markdown here, and {@code watch} keeps an article's page while its
     * article equals the last one. Against another list, the blocks are compared, as any list's.
     */
    @Override
    public boolean equals(Object o) {
        if (o instanceof PackedBody p) {
            return size == p.size && length == p.length && java.util.Arrays.equals(deflated, p.deflated);
        }
        return super.equals(o);
    }

    /** The blocks' hash, as any list's: equal bytes hold equal blocks. */
    @Override
    public int hashCode() {
        return super.hashCode();
    }

    /** The Markdown alone: it comes first, so only its own bytes are inflated, not the blocks after it. */
    String markdown() {
        Inflater inf = INFLATER.get();
        inf.reset();
        inf.setInput(deflated);
        byte[] head = inflate(inf, 1);
        if (head[0] == 0) return null;
        int length = ByteBuffer.wrap(inflate(inf, 4)).getInt();
        return new String(inflate(inf, length), StandardCharsets.UTF_8);
    }

    /** The next {@code n} bytes out of {@code inf}. */
    private static byte[] inflate(Inflater inf, int n) {
        byte[] out = new byte[n];
        try {
            for (int at = 0; at < n; ) {
                int got = inf.inflate(out, at, n - at);
                if (got == 0 && (inf.finished() || inf.needsInput())) throw new DataFormatException("ends early");
                at += got;
            }
        } catch (DataFormatException e) {
            throw new IllegalStateException("packed article body is damaged", e);
        }
        return out;
    }

    List<Block> unpack() {
        // read in place from the inflated bytes: through a DataInputStream, each string's bytes
        // were copied out once more before being decoded
        ByteBuffer in = ByteBuffer.wrap(inflate());
        if (in.get() != 0) in.position(in.position() + 4 + in.getInt(in.position()));
        int n = in.getInt();
        Block[] blocks = new Block[n];
        Block.Kind[] kinds = Block.Kind.values();
        for (int i = 0; i < n; i++) {
            Block.Kind kind = kinds[in.get()];
            int line = in.getInt();
            int length = in.getInt();
            blocks[i] = new Block(kind, new String(in.array(), in.position(), length, StandardCharsets.UTF_8), line);
            in.position(in.position() + length);
        }
        return List.of(blocks);
    }

    @Override
    public Block get(int index) {
        return unpack().get(index);
    }

    @Override
    public int size() {
        return size;
    }

    private byte[] inflate() {
        byte[] plain = new byte[length];
        Inflater inf = INFLATER.get();
        inf.reset();
        try {
            inf.setInput(deflated);
            inf.inflate(plain);
        } catch (DataFormatException e) {
            throw new IllegalStateException("packed article body is damaged", e);
        }
        return plain;
    }
}
