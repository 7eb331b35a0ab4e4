package briefing.search;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Writes the static search index of a site. The layout, read by {@code search.js}:
 * <ul>
 * <li>{@code search/index.js}: {@code {"docs": [edition per document], "chunk": n, "shards": [shard keys]}}</li>
 * <li>{@code search/t/<key>.js}: for every folded token starting with the shard's key,
 *     {@code {folded: {exact: [doc, weight, doc, weight, ...]}}}</li>
 * <li>{@code search/d/<k>.js}: what a result shows (title, url, date, lang, text) for
 *     documents {@code k*n} to {@code k*n+n-1}: one file per few documents, not per article</li>
 * </ul>
 * Each file is JSON wrapped as {@code briefingSearch.load("<name>", <json>);} and loaded
 * as a script, because browsers let a page opened from disk load scripts but not fetch files.
 * A token's weight in a document adds {@value #TITLE} when it is in the title,
 * {@value #TOPIC} when in a topic's name, and its count in the body up to {@value #BODY_CAP}.
 *
 * <p>Documents are analysed on any thread ({@link #terms}) and added in order ({@link #add});
 * the index holds their postings as packed integers and at most one chunk of their text. A
 * remembering index (given a {@link Memory}) holds every document instead, and writes out only
 * what changed since the build before.
 */
public final class SearchIndex {
    static final int TITLE = 6, TOPIC = 4, BODY_CAP = 5;
    /**
     * Documents per file of {@code search/d/}: a first page of ten results loads up to ten of
     * these files, so few documents per file keep a search light, and more keep the site small
     * (one file per document doubled the files of a site).
     */
    public static final int CHUNK = 8;
    /** A posting is {@code doc << WEIGHT_BITS | weight}; the largest weight is TITLE + TOPIC + BODY_CAP. */
    private static final int WEIGHT_BITS = 4;
    private static final JsonFactory JSON = new JsonFactory();

    /**
     * One searchable article.
     *
     * @param url     its link relative to the site root
     * @param edition the edition it is published in, which readers of that edition see first
     * @param topics  the names of its topics, in every edition's language
     */
    public record Doc(String url, String lang, String edition, String date, String title, List<String> topics,
                      String text) {
        public Doc withText(String text) {
            return new Doc(url, lang, edition, date, title, topics, text);
        }
    }

    /**
     * A file of the index: its path in the site, its text (made when asked), and from a remembering
     * index the SHA-256 of that text, which tells a caller whether the file changed without its text.
     */
    public record File(String path, String digest, Supplier<String> content) {
        static File of(String path, String text) {
            return new File(path, null, () -> text);
        }

        public String text() {
            return content.get();
        }
    }

    /** A document's distinct words and their weights. */
    public record Terms(String[] words, int[] weights) {}

    /**
     * A document's text and words as {@link #terms} found them, with the title and topics they
     * depend on besides the text: what a caller keeps between builds, as bytes, so that a build in
     * a new process need not read every article's body again.
     */
    public record Analysed(String text, String title, List<String> topics, Terms terms) {
        /** Whether these words are those of {@code d}, which has this text. */
        public boolean fits(Doc d) {
            return java.util.Objects.equals(title, d.title()) && topics.equals(d.topics());
        }

        /** Null when a string holds half a surrogate pair, which UTF-8 cannot carry: what comes back must be the same. */
        public byte[] bytes() {
            if (!utf8(text) || title != null && !utf8(title) || !topics.stream().allMatch(Analysed::utf8)
                    || !java.util.Arrays.stream(terms.words()).allMatch(Analysed::utf8)) {
                return null;
            }
            // each string encoded once and the whole laid out in one array of its exact size: through a
            // DataOutputStream, every int and weight was a synchronized write, thousands an article
            String[] words = terms.words();
            byte[] textBytes = text.getBytes(StandardCharsets.UTF_8);
            byte[] titleBytes = title == null ? null : title.getBytes(StandardCharsets.UTF_8);
            byte[][] topicBytes = new byte[topics.size()][], wordBytes = new byte[words.length][];
            int size = 4 + textBytes.length + 1 + (titleBytes == null ? 0 : 4 + titleBytes.length) + 4 + 4 + words.length;
            for (int i = 0; i < topicBytes.length; i++) size += 4 + (topicBytes[i] = topics.get(i).getBytes(StandardCharsets.UTF_8)).length;
            for (int i = 0; i < wordBytes.length; i++) size += 4 + (wordBytes[i] = words[i].getBytes(StandardCharsets.UTF_8)).length;
            java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(size);
            out.putInt(textBytes.length).put(textBytes);
            out.put((byte) (titleBytes != null ? 1 : 0));
            if (titleBytes != null) out.putInt(titleBytes.length).put(titleBytes);
            out.putInt(topicBytes.length);
            for (byte[] b : topicBytes) out.putInt(b.length).put(b);
            out.putInt(wordBytes.length);
            for (int i = 0; i < wordBytes.length; i++) out.putInt(wordBytes[i].length).put(wordBytes[i]).put((byte) terms.weights()[i]);
            return out.array();
        }

        /** What {@link #bytes} wrote; null for bytes it did not write (a damaged cache). */
        public static Analysed of(byte[] bytes) {
            try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
                String text = read(in);
                String title = in.readBoolean() ? read(in) : null;
                List<String> topics = new ArrayList<>();
                for (int n = in.readInt(); n > 0; n--) topics.add(read(in));
                int n = in.readInt();
                String[] words = new String[n];
                int[] weights = new int[n];
                for (int i = 0; i < n; i++) {
                    words[i] = read(in);
                    weights[i] = in.readByte();
                }
                return in.read() == -1 ? new Analysed(text, title, List.copyOf(topics), new Terms(words, weights)) : null;
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        private static boolean utf8(String s) {
            // read from an array: a body's every char was a charAt, which checks its bounds and coder each time
            char[] t = s.toCharArray();
            for (int i = 0; i < t.length; i++) {
                char c = t[i];
                if (c < Character.MIN_SURROGATE) continue;
                if (Character.isHighSurrogate(c) && i + 1 < t.length && Character.isLowSurrogate(t[i + 1])) i++;
                else if (Character.isSurrogate(c)) return false;
            }
            return true;
        }

        private static String read(java.io.DataInputStream in) throws IOException {
            int n = in.readInt();
            if (n < 0 || n > in.available()) throw new IOException("damaged");
            return new String(in.readNBytes(n), StandardCharsets.UTF_8);
        }
    }

    private final Function<String, Set<String>> stopwords;
    private final Map<String, Postings> postings = new HashMap<>();
    private final List<String> editions = new ArrayList<>();
    private final List<Doc> chunk = new ArrayList<>();
    /** Null for an index of one build; else the last build's index, which {@link #finish} brings up to date. */
    private final Memory memory;
    /** A remembering index's documents and their words, in order. */
    private final List<Doc> docs = new ArrayList<>();
    private final List<Terms> terms = new ArrayList<>();

    /**
     * @param stopwords words left out of a document, by its language; Vietnamese keeps every
     *                  syllable, since its stop list holds content syllables ("nước")
     */
    public SearchIndex(Function<String, Set<String>> stopwords) {
        this(stopwords, null);
    }

    /**
     * An index that starts from the one {@code memory} holds and leaves its own there, as a process
     * that builds again and again wants: {@link #finish} changes only the postings of documents
     * whose words changed, and tells which files changed by their digests. It holds every document
     * until then.
     */
    public SearchIndex(Function<String, Set<String>> stopwords, Memory memory) {
        this.stopwords = stopwords;
        this.memory = memory;
    }

    /** The weighted words of {@code d}; thread-safe. */
    public Terms terms(Doc d) {
        Set<String> stop = "vi".equals(d.lang()) ? Set.of() : stopwords.apply(d.lang());
        // per word: its count in the body, then its weight from the title, then from the topics' names
        List<String> body = Analyzer.words(d.text(), stop);
        Map<String, int[]> found = new HashMap<>(body.size());
        for (String w : body) {
            int[] f = found.get(w);
            if (f == null) found.put(w, new int[] {1, 0, 0});
            else f[0]++;
        }
        for (String w : Analyzer.words(d.title(), stop)) found.computeIfAbsent(w, k -> new int[3])[1] = TITLE;
        for (String w : Analyzer.words(String.join(" ", d.topics()), stop)) found.computeIfAbsent(w, k -> new int[3])[2] = TOPIC;
        String[] words = new String[found.size()];
        int[] weights = new int[found.size()];
        int i = 0;
        for (Map.Entry<String, int[]> e : found.entrySet()) {
            int[] f = e.getValue();
            words[i] = e.getKey();
            weights[i++] = Math.min(f[0], BODY_CAP) + f[1] + f[2];
        }
        return new Terms(words, weights);
    }

    /** Adds the next document; returns a file of {@code search/d/} when one is full, else null (always null when remembering). */
    public File add(Doc d, Terms t) {
        if (memory != null) {
            docs.add(d);
            terms.add(t);
            return null;
        }
        int doc = editions.size();
        editions.add(d.edition());
        post(postings, doc, t);
        chunk.add(d);
        if (chunk.size() < CHUNK) return null;
        String text = chunkText(doc / CHUNK, chunk);
        chunk.clear();
        return File.of("search/d/" + (doc / CHUNK) + ".js", text);
    }

    /** The last file of {@code search/d/} (every one when remembering), the token shards and the manifest, in a stable order. */
    public List<File> finish() {
        if (memory != null) return memory.update(docs, terms);
        List<File> out = new ArrayList<>();
        if (!chunk.isEmpty()) out.add(File.of("search/d/" + (editions.size() / CHUNK) + ".js", chunkText(editions.size() / CHUNK, chunk)));
        SortedMap<String, SortedMap<String, SortedMap<String, Postings>>> shards = new TreeMap<>();
        postings.forEach((exact, p) -> place(shards, exact, p));
        shards.forEach((key, shard) -> out.add(File.of("search/t/" + key + ".js", shardText(key, shard))));
        out.add(File.of("search/index.js", manifest(editions, shards.keySet())));
        return out;
    }

    /** Adds document {@code doc}'s postings, after those of every earlier document. */
    private static void post(Map<String, Postings> postings, int doc, Terms t) {
        for (int i = 0; i < t.words().length; i++) {
            postings.computeIfAbsent(t.words()[i], k -> new Postings()).add(doc << WEIGHT_BITS | t.weights()[i]);
        }
    }

    /** Files {@code exact}'s postings under its shard and folded form: folded → exact → postings, sorted. */
    private static void place(SortedMap<String, SortedMap<String, SortedMap<String, Postings>>> shards, String exact, Postings p) {
        String folded = Analyzer.fold(exact);
        shards.computeIfAbsent(shardKey(folded), k -> new TreeMap<>()).computeIfAbsent(folded, k -> new TreeMap<>()).put(exact, p);
    }

    private static String chunkText(int k, List<Doc> docs) {
        StringWriter text = new StringWriter();
        try {
            JsonGenerator g = open(text, "d/" + k);
            g.writeStartArray();
            for (Doc d : docs) {
                g.writeStartObject();
                g.writeStringField("title", d.title());
                g.writeStringField("url", d.url());
                g.writeStringField("date", d.date());
                g.writeStringField("lang", d.lang());
                g.writeStringField("text", d.text());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text + ");\n";
    }

    private static String shardText(String key, SortedMap<String, SortedMap<String, Postings>> shard) {
        StringWriter text = new StringWriter();
        try {
            JsonGenerator g = open(text, "t/" + key);
            g.writeStartObject();
            for (Map.Entry<String, SortedMap<String, Postings>> f : shard.entrySet()) {
                g.writeObjectFieldStart(f.getKey());
                for (Map.Entry<String, Postings> e : f.getValue().entrySet()) {
                    g.writeArrayFieldStart(e.getKey());
                    Postings p = e.getValue();
                    for (int i = 0; i < p.size; i++) {
                        g.writeNumber(p.items[i] >>> WEIGHT_BITS);
                        g.writeNumber(p.items[i] & ((1 << WEIGHT_BITS) - 1));
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            return closeObject(g, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String manifest(List<String> editions, Collection<String> keys) {
        StringWriter m = new StringWriter();
        try {
            JsonGenerator g = open(m, "index");
            g.writeStartObject();
            g.writeArrayFieldStart("docs");
            for (String e : editions) g.writeString(e);
            g.writeEndArray();
            g.writeNumberField("chunk", CHUNK);
            g.writeArrayFieldStart("shards");
            for (String k : keys) g.writeString(k);
            g.writeEndArray();
            return closeObject(g, m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonGenerator open(StringWriter text, String name) throws IOException {
        text.write("briefingSearch.load(\"" + name + "\", ");
        return JSON.createGenerator(text);
    }

    private static String closeObject(JsonGenerator g, StringWriter text) throws IOException {
        g.writeEndObject();
        g.close();
        return text + ");\n";
    }

    /**
     * The shard a folded token lives in: its first two characters, those outside a-z and
     * 0-9 written as {@code _<hex>} so every file name is plain ASCII. {@code search.js}
     * computes the same key.
     */
    static String shardKey(String folded) {
        StringBuilder sb = new StringBuilder();
        folded.codePoints().limit(2).forEach(c -> {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) sb.appendCodePoint(c);
            else sb.append('_').append(Integer.toHexString(c));
        });
        return sb.toString();
    }

    /**
     * What a remembering index keeps between builds: the last build's documents and their words,
     * every word's postings grouped as the shards group them, and each file's digest. After an
     * edit, only the postings of words whose weight changed are touched, and only the shards and
     * chunks holding a changed document are written out again. Not thread-safe: one build at a time.
     */
    public static final class Memory {
        /**
         * When more than one document in this many has other words or another number (an article
         * added near the top numbers every later one anew), the postings are made from scratch.
         */
        private static final int MOSTLY_KEPT = 4;
        private List<Doc> docs = List.of();
        private List<Terms> terms = List.of();
        private final Map<String, Postings> postings = new HashMap<>();
        private final SortedMap<String, SortedMap<String, SortedMap<String, Postings>>> shards = new TreeMap<>();
        private final Map<String, String> shardDigests = new HashMap<>();
        private List<String> chunkDigests = List.of();
        private String manifest, manifestDigest;
        /** False until an update finishes: one that failed midway leaves everything to be made anew. */
        private boolean whole;

        /**
         * The files of the index of {@code now}, whose words are {@code words}, from this memory's
         * index of the last build's. An unchanged file's text is made only when asked for, from
         * this memory as it stands until the next update.
         */
        private List<File> update(List<Doc> now, List<Terms> words) {
            int n = now.size(), before = docs.size();
            boolean trusted = whole;
            whole = false;
            List<Integer> changed = new ArrayList<>();
            // Terms are compared by identity: the renderer hands an unchanged article's words over again
            for (int doc = 0; doc < Math.max(n, before); doc++) {
                if (doc >= n || doc >= before || words.get(doc) != terms.get(doc)) changed.add(doc);
            }
            Set<String> touched = new HashSet<>();
            if (!trusted || changed.size() * MOSTLY_KEPT > n) {
                postings.clear();
                shards.clear();
                shardDigests.clear();
                for (int doc = 0; doc < n; doc++) post(postings, doc, words.get(doc));
                postings.forEach((exact, p) -> place(shards, exact, p));
            } else {
                for (int doc : changed) {
                    Map<String, Integer> old = new HashMap<>();
                    if (doc < before) {
                        Terms t = terms.get(doc);
                        for (int i = 0; i < t.words().length; i++) old.put(t.words()[i], t.weights()[i]);
                    }
                    if (doc < n) {
                        Terms t = words.get(doc);
                        for (int i = 0; i < t.words().length; i++) {
                            Integer was = old.remove(t.words()[i]);
                            if (was == null || was != t.weights()[i]) set(t.words()[i], doc, t.weights()[i], touched);
                        }
                    }
                    for (String word : old.keySet()) unset(word, doc, touched);
                }
            }
            List<File> out = new ArrayList<>();
            List<String> digests = new ArrayList<>();
            for (int k = 0; k * CHUNK < n; k++) {
                int chunk = k;
                List<Doc> part = now.subList(k * CHUNK, Math.min(n, k * CHUNK + CHUNK));
                String path = "search/d/" + k + ".js";
                if (trusted && sameDocs(k, part)) {
                    digests.add(chunkDigests.get(k));
                    out.add(new File(path, chunkDigests.get(k), () -> chunkText(chunk, part)));
                } else {
                    String text = chunkText(k, part);
                    digests.add(digest(text));
                    out.add(new File(path, digests.get(k), () -> text));
                }
            }
            shardDigests.keySet().retainAll(shards.keySet());
            for (Map.Entry<String, SortedMap<String, SortedMap<String, Postings>>> s : shards.entrySet()) {
                String key = s.getKey(), path = "search/t/" + key + ".js";
                String known = touched.contains(key) ? null : shardDigests.get(key);
                if (known != null) {
                    out.add(new File(path, known, () -> shardText(key, s.getValue())));
                } else {
                    String text = shardText(key, s.getValue());
                    shardDigests.put(key, digest(text));
                    out.add(new File(path, shardDigests.get(key), () -> text));
                }
            }
            String m = manifest(now.stream().map(Doc::edition).toList(), shards.keySet());
            if (!m.equals(manifest)) {
                manifest = m;
                manifestDigest = digest(m);
            }
            out.add(new File("search/index.js", manifestDigest, () -> m));
            docs = now;
            terms = words;
            chunkDigests = digests;
            whole = true;
            return out;
        }

        /** Whether the last build's chunk {@code k} held exactly {@code part}, the same objects. */
        private boolean sameDocs(int k, List<Doc> part) {
            if (k >= chunkDigests.size() || Math.min(docs.size(), k * CHUNK + CHUNK) - k * CHUNK != part.size()) return false;
            for (int i = 0; i < part.size(); i++) if (docs.get(k * CHUNK + i) != part.get(i)) return false;
            return true;
        }

        private void set(String word, int doc, int weight, Set<String> touched) {
            Postings p = postings.get(word);
            if (p == null) {
                p = new Postings();
                postings.put(word, p);
                place(shards, word, p);
            }
            p.set(doc, weight);
            touched.add(shardKey(Analyzer.fold(word)));
        }

        private void unset(String word, int doc, Set<String> touched) {
            Postings p = postings.get(word);
            p.remove(doc);
            String folded = Analyzer.fold(word), key = shardKey(folded);
            touched.add(key);
            if (p.size > 0) return;
            postings.remove(word);
            SortedMap<String, SortedMap<String, Postings>> shard = shards.get(key);
            SortedMap<String, Postings> spellings = shard.get(folded);
            spellings.remove(word);
            if (spellings.isEmpty()) shard.remove(folded);
            if (shard.isEmpty()) shards.remove(key);
        }
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A growing list of packed postings, in document order. */
    private static final class Postings {
        int[] items = new int[4];
        int size;

        void add(int posting) {
            if (size == items.length) items = Arrays.copyOf(items, size * 2);
            items[size++] = posting;
        }

        /** Gives {@code doc} this weight, in its place by document order. */
        void set(int doc, int weight) {
            int at = find(doc);
            if (at >= 0) {
                items[at] = doc << WEIGHT_BITS | weight;
                return;
            }
            at = -at - 1;
            if (size == items.length) items = Arrays.copyOf(items, size * 2);
            System.arraycopy(items, at, items, at + 1, size - at);
            items[at] = doc << WEIGHT_BITS | weight;
            size++;
        }

        void remove(int doc) {
            int at = find(doc);
            if (at < 0) return;
            System.arraycopy(items, at + 1, items, at, size - at - 1);
            size--;
        }

        /** Where {@code doc}'s posting is, else {@code -(where it would go) - 1}. */
        private int find(int doc) {
            int lo = 0, hi = size - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1, d = items[mid] >>> WEIGHT_BITS;
                if (d < doc) lo = mid + 1;
                else if (d > doc) hi = mid - 1;
                else return mid;
            }
            return -lo - 1;
        }
    }
}
