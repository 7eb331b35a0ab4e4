package briefing.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

class SearchIndexTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, Set<String>> STOP = Map.of("en", Set.of("the", "and"), "vi", Set.of("của", "nước"));

    static SortedMap<String, String> index() {
        return index(List.of(
                new SearchIndex.Doc("vi/articles/a/", "vi", "vi", "2024-09-23", "Quan hệ Việt - Mỹ",
                        List.of("Hoa Kỳ", "United States"), "Quan hệ hai nước. Hà Nội, ngày 22/9."),
                new SearchIndex.Doc("en/articles/b/", "en", "en", null, "The semiconductor deal",
                        List.of(), "The deal and the chips; relations and trade, relations, relations, relations, relations, relations.")));
    }

    /** Every file of the index of {@code docs}, by path, as the renderer adds them. */
    static SortedMap<String, String> index(List<SearchIndex.Doc> docs) {
        SearchIndex index = new SearchIndex(l -> STOP.getOrDefault(l, Set.of()));
        SortedMap<String, String> files = new TreeMap<>();
        for (SearchIndex.Doc d : docs) {
            SearchIndex.File f = index.add(d, index.terms(d));
            if (f != null) files.put(f.path(), f.text());
        }
        for (SearchIndex.File f : index.finish()) assertNull(files.put(f.path(), f.text()), f.path());
        return files;
    }

    /** The JSON inside an index file's {@code briefingSearch.load("name", ...);} wrapper. */
    static JsonNode json(String s) throws Exception {
        assertTrue(s.startsWith("briefingSearch.load(\"") && s.endsWith(");\n"), s);
        return JSON.readTree(s.substring(s.indexOf(", ") + 2, s.length() - 3));
    }

    @Test
    void manifestListsEditionsAndShards() throws Exception {
        SortedMap<String, String> files = index();
        JsonNode m = json(files.get("search/index.js"));
        assertEquals(List.of("vi", "en"), List.of(m.get("docs").get(0).asText(), m.get("docs").get(1).asText()));
        for (JsonNode key : m.get("shards")) {
            String shard = files.get("search/t/" + key.asText() + ".js");
            assertNotNull(shard, key.asText());
            assertTrue(shard.startsWith("briefingSearch.load(\"t/" + key.asText() + "\", "), shard);
        }
        assertEquals(files.keySet().stream().filter(f -> f.startsWith("search/t/")).count(), m.get("shards").size());
    }

    @Test
    void foldedTokensKeepTheirSpellingsAndWeights() throws Exception {
        JsonNode he = json(index().get("search/t/he.js")).get("he");
        // "hệ" in the title (6) and once in the body (1)
        assertEquals("[0,7]", he.get("hệ").toString());
        JsonNode noi = json(index().get("search/t/no.js")).get("noi");
        assertEquals("[0,1]", noi.get("nội").toString(), "the comma after Nội is not part of the word");
        JsonNode ky = json(index().get("search/t/ky.js")).get("ky");
        assertEquals("[0,4]", ky.get("kỳ").toString(), "topic names weigh " + SearchIndex.TOPIC);
        // body counts stop adding up at the cap
        JsonNode rel = json(index().get("search/t/re.js")).get("relations");
        assertEquals("[1," + SearchIndex.BODY_CAP + "]", rel.get("relations").toString());
    }

    @Test
    void stopwordsApplyPerLanguageButVietnameseKeepsEverySyllable() {
        SortedMap<String, String> files = index();
        assertFalse(files.getOrDefault("search/t/th.js", "").contains("\"the\""), "English stop word left out");
        assertTrue(files.get("search/t/se.js").contains("\"semiconductor\""));
        assertTrue(files.get("search/t/nu.js").contains("\"nước\""), "Vietnamese 'nước' (country) is searchable");
    }

    @Test
    void documentsCarryWhatAResultShows() throws Exception {
        JsonNode d = json(index().get("search/d/0.js")).get(0);
        assertEquals("Quan hệ Việt - Mỹ", d.get("title").asText());
        assertEquals("vi/articles/a/", d.get("url").asText());
        assertEquals("2024-09-23", d.get("date").asText());
        assertEquals("vi", d.get("lang").asText());
        assertTrue(d.get("text").asText().startsWith("Quan hệ hai nước."));
    }

    @Test
    void resultsComeInChunksOfDocuments() throws Exception {
        List<SearchIndex.Doc> docs = new java.util.ArrayList<>();
        for (int i = 0; i < SearchIndex.CHUNK * 2 + 3; i++) {
            docs.add(new SearchIndex.Doc("en/articles/" + i + "/", "en", "en", null, "Title " + i, List.of(), "Body of story" + i));
        }
        SortedMap<String, String> files = index(docs);
        assertEquals(SearchIndex.CHUNK, json(files.get("search/index.js")).get("chunk").asInt());
        assertEquals(3, files.keySet().stream().filter(f -> f.startsWith("search/d/")).count());
        JsonNode last = json(files.get("search/d/2.js"));
        assertEquals(3, last.size());
        assertEquals("en/articles/" + (SearchIndex.CHUNK * 2 + 2) + "/", last.get(2).get("url").asText());
        // "story66" is only in the last document's body
        String word = "story" + (SearchIndex.CHUNK * 2 + 2);
        assertEquals("[" + (SearchIndex.CHUNK * 2 + 2) + ",1]", json(files.get("search/t/st.js")).get(word).get(word).toString());
    }

    @Test
    void shardKeysArePlainAscii() {
        assertEquals("qu", SearchIndex.shardKey("quan"));
        assertEquals("a", SearchIndex.shardKey("a"));
        assertEquals("_df_df", SearchIndex.shardKey("ßß"));
        assertEquals(index(), index(), "same input, same files");
    }
}
