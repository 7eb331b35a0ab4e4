package briefing.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Writes the static search index of a site. The layout, read by {@code search.js}:
 * <ul>
 * <li>{@code search/index.js}: {@code {"docs": [edition per document], "shards": [shard keys]}}</li>
 * <li>{@code search/t/<key>.js}: for every folded token starting with the shard's key,
 *     {@code {folded: {exact: [doc, weight, doc, weight, ...]}}}</li>
 * <li>{@code search/d/<doc>.js}: what a result shows: title, url, date, lang, text</li>
 * </ul>
 * Each file is JSON wrapped as {@code briefingSearch.load("<name>", <json>);} and loaded
 * as a script, because browsers let a page opened from disk load scripts but not fetch files.
 * A token's weight in a document adds {@value #TITLE} when it is in the title,
 * {@value #TOPIC} when in a topic's name, and its count in the body up to {@value #BODY_CAP}.
 */
public final class SearchIndex {
    static final int TITLE = 6, TOPIC = 4, BODY_CAP = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One searchable article.
     *
     * @param url     its link relative to the site root
     * @param edition the edition it is published in, which readers of that edition see first
     * @param topics  the names of its topics, in every edition's language
     */
    public record Doc(String url, String lang, String edition, String date, String title, List<String> topics,
                      String text) {}

    private SearchIndex() {}

    /**
     * The index files of {@code docs}, by site path, in a stable order.
     *
     * @param stopwords words left out of a document, by its language; Vietnamese keeps every
     *                  syllable, since its stop list holds content syllables ("nước")
     */
    public static SortedMap<String, String> build(List<Doc> docs, Function<String, Set<String>> stopwords) {
        // folded → exact → doc → weight
        SortedMap<String, SortedMap<String, SortedMap<Integer, Integer>>> postings = new TreeMap<>();
        SortedMap<String, String> files = new TreeMap<>();
        ObjectNode manifest = JSON.createObjectNode();
        ArrayNode editions = manifest.putArray("docs");
        for (int i = 0; i < docs.size(); i++) {
            Doc d = docs.get(i);
            Set<String> stop = "vi".equals(d.lang()) ? Set.of() : stopwords.apply(d.lang());
            Map<Analyzer.Token, Integer> weight = new HashMap<>();
            for (Analyzer.Token t : Set.copyOf(Analyzer.tokens(d.title(), stop))) weight.merge(t, TITLE, Integer::sum);
            for (Analyzer.Token t : Set.copyOf(Analyzer.tokens(String.join(" ", d.topics()), stop))) weight.merge(t, TOPIC, Integer::sum);
            Map<Analyzer.Token, Integer> body = new HashMap<>();
            for (Analyzer.Token t : Analyzer.tokens(d.text(), stop)) body.merge(t, 1, Integer::sum);
            body.forEach((t, n) -> weight.merge(t, Math.min(n, BODY_CAP), Integer::sum));
            final int doc = i;
            weight.forEach((t, w) -> postings.computeIfAbsent(t.folded(), k -> new TreeMap<>())
                    .computeIfAbsent(t.exact(), k -> new TreeMap<>()).put(doc, w));
            editions.add(d.edition());

            ObjectNode shown = JSON.createObjectNode();
            shown.put("title", d.title());
            shown.put("url", d.url());
            shown.put("date", d.date());
            shown.put("lang", d.lang());
            shown.put("text", d.text());
            files.put("search/d/" + i + ".js", write("d/" + i, shown));
        }
        SortedMap<String, ObjectNode> shards = new TreeMap<>();
        postings.forEach((folded, variants) -> {
            ObjectNode byExact = shards.computeIfAbsent(shardKey(folded), k -> JSON.createObjectNode()).putObject(folded);
            variants.forEach((exact, docsOf) -> {
                ArrayNode list = byExact.putArray(exact);
                docsOf.forEach((doc, w) -> list.add(doc).add(w));
            });
        });
        ArrayNode keys = manifest.putArray("shards");
        shards.forEach((key, shard) -> {
            keys.add(key);
            files.put("search/t/" + key + ".js", write("t/" + key, shard));
        });
        files.put("search/index.js", write("index", manifest));
        return files;
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

    private static String write(String name, Object node) {
        try {
            return "briefingSearch.load(\"" + name + "\", " + JSON.writeValueAsString(node) + ");\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write search index JSON", e);
        }
    }
}
