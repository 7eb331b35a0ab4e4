package briefing.search;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

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
 * the index holds their postings as packed integers and at most one chunk of their text.
 */
public final class SearchIndex {
    static final int TITLE = 6, TOPIC = 4, BODY_CAP = 5;
    /**
     * Documents per file of {@code search/d/}: a first page of ten results loads up to ten of
     * these files, so few documents per file keep a search light, and more keep the site small
     * (one file per document doubled the files of a site).
     */
    static final int CHUNK = 8;
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

    /** A file of the index: its path in the site and its text. */
    public record File(String path, String text) {}

    /** A document's distinct words and their weights. */
    public record Terms(String[] words, int[] weights) {}

    private final Function<String, Set<String>> stopwords;
    private final Map<String, Postings> postings = new HashMap<>();
    private final List<String> editions = new ArrayList<>();
    private final List<Doc> chunk = new ArrayList<>();

    /**
     * @param stopwords words left out of a document, by its language; Vietnamese keeps every
     *                  syllable, since its stop list holds content syllables ("nước")
     */
    public SearchIndex(Function<String, Set<String>> stopwords) {
        this.stopwords = stopwords;
    }

    /** The weighted words of {@code d}; thread-safe. */
    public Terms terms(Doc d) {
        Set<String> stop = "vi".equals(d.lang()) ? Set.of() : stopwords.apply(d.lang());
        Map<String, Integer> weight = new HashMap<>();
        for (String w : new LinkedHashSet<>(Analyzer.words(d.title(), stop))) weight.merge(w, TITLE, Integer::sum);
        for (String w : new LinkedHashSet<>(Analyzer.words(String.join(" ", d.topics()), stop))) weight.merge(w, TOPIC, Integer::sum);
        Map<String, Integer> body = new HashMap<>();
        for (String w : Analyzer.words(d.text(), stop)) body.merge(w, 1, Integer::sum);
        body.forEach((w, n) -> weight.merge(w, Math.min(n, BODY_CAP), Integer::sum));
        String[] words = new String[weight.size()];
        int[] weights = new int[weight.size()];
        int i = 0;
        for (Map.Entry<String, Integer> e : weight.entrySet()) {
            words[i] = e.getKey();
            weights[i++] = e.getValue();
        }
        return new Terms(words, weights);
    }

    /** Adds the next document; returns a file of {@code search/d/} when one is full, else null. */
    public File add(Doc d, Terms t) {
        int doc = editions.size();
        editions.add(d.edition());
        for (int i = 0; i < t.words().length; i++) {
            postings.computeIfAbsent(t.words()[i], k -> new Postings()).add(doc << WEIGHT_BITS | t.weights()[i]);
        }
        chunk.add(d);
        return chunk.size() == CHUNK ? flush(doc / CHUNK) : null;
    }

    /** The last file of {@code search/d/}, the token shards and the manifest, in a stable order. */
    public List<File> finish() {
        List<File> out = new ArrayList<>();
        if (!chunk.isEmpty()) out.add(flush(editions.size() / CHUNK));
        // folded → exact → postings; tokens of one shard (same first two characters) sort together
        SortedMap<String, SortedMap<String, Postings>> byFolded = new TreeMap<>();
        postings.forEach((exact, p) -> byFolded.computeIfAbsent(Analyzer.fold(exact), k -> new TreeMap<>()).put(exact, p));
        Set<String> keys = new TreeSet<>();
        String key = null;
        StringWriter text = null;
        JsonGenerator g = null;
        try {
            for (Map.Entry<String, SortedMap<String, Postings>> f : byFolded.entrySet()) {
                String k = shardKey(f.getKey());
                if (!k.equals(key)) {
                    if (g != null) out.add(new File("search/t/" + key + ".js", closeObject(g, text)));
                    key = k;
                    keys.add(k);
                    text = new StringWriter();
                    g = open(text, "t/" + k);
                    g.writeStartObject();
                }
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
            if (g != null) out.add(new File("search/t/" + key + ".js", closeObject(g, text)));
            StringWriter m = new StringWriter();
            g = open(m, "index");
            g.writeStartObject();
            g.writeArrayFieldStart("docs");
            for (String e : editions) g.writeString(e);
            g.writeEndArray();
            g.writeNumberField("chunk", CHUNK);
            g.writeArrayFieldStart("shards");
            for (String k : keys) g.writeString(k);
            g.writeEndArray();
            out.add(new File("search/index.js", closeObject(g, m)));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private File flush(int k) {
        StringWriter text = new StringWriter();
        try {
            JsonGenerator g = open(text, "d/" + k);
            g.writeStartArray();
            for (Doc d : chunk) {
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
        chunk.clear();
        return new File("search/d/" + k + ".js", text + ");\n");
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

    /** A growing list of packed postings, in document order. */
    private static final class Postings {
        int[] items = new int[4];
        int size;

        void add(int posting) {
            if (size == items.length) items = Arrays.copyOf(items, size * 2);
            items[size++] = posting;
        }
    }
}
