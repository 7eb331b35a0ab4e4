package briefing.clean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the article in a saved HTML page with Jsoup: scores containers by the prose they
 * hold (text length, commas, link density, semantic tags), keeps the best one's blocks,
 * and reads title, date, author, publication and URL from {@code og:}/{@code article:}
 * meta and JSON-LD. Every block element's text stands for one line. Thread-safe.
 */
final class HtmlExtractor {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote",
            "figcaption", "pre", "td", "th", "dd", "dt", "caption", "address", "summary");
    private static final Set<String> DROP = Set.of("script", "style", "noscript", "template", "svg", "iframe",
            "object", "select", "button", "input", "textarea", "head", "form");
    private static final Pattern UNLIKELY = Pattern.compile(
            "(?i)comment|share|sharing|social|related|promo|newsletter|sidebar|advert|\\bads?\\b|cookie|footer|menu|breadcrumb|nav|subscribe|popup|modal|banner|masthead|widget|recommend|outbrain|taboola|tags?\\b|author-bio|byline");
    private static final Pattern LIKELY = Pattern.compile("(?i)article|body|content|entry|main|post|story|text");

    /** A block of the page: its text, its kind, and whether it belongs to the article. */
    record Piece(String text, String kind, boolean kept) {}

    record Page(String title, String date, String author, String publication, String url, String lang,
                List<Piece> pieces) {}

    Page extract(String html) {
        Document doc = Jsoup.parse(html);
        Map<String, String> meta = meta(doc);
        doc.select(String.join(",", DROP)).remove();
        doc.select("[hidden],[aria-hidden=true]").remove();
        Element root = doc.body();
        Element best = bestContainer(root);
        List<Piece> pieces = new ArrayList<>();
        collect(root, best, false, pieces);
        String title = firstNonBlank(meta.get("og:title"), meta.get("ld:headline"), meta.get("twitter:title"), doc.title());
        Element h1 = best == null ? null : best.selectFirst("h1");
        if (h1 == null) h1 = root.selectFirst("h1");
        if (h1 != null && !h1.text().isBlank()) title = h1.text().strip();
        String lang = doc.selectFirst("html") == null ? "" : doc.selectFirst("html").attr("lang");
        return new Page(title, firstNonBlank(meta.get("article:published_time"), meta.get("ld:datePublished"),
                meta.get("date"), meta.get("time")),
                firstNonBlank(meta.get("ld:author"), meta.get("author"), meta.get("article:author")),
                firstNonBlank(meta.get("og:site_name"), meta.get("ld:publisher")),
                firstNonBlank(meta.get("og:url"), meta.get("canonical")), lang, pieces);
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v.strip();
        return null;
    }

    private static Map<String, String> meta(Document doc) {
        Map<String, String> m = new HashMap<>();
        for (Element e : doc.select("meta[content]")) {
            String key = e.hasAttr("property") ? e.attr("property") : e.attr("name");
            if (!key.isEmpty()) m.putIfAbsent(key.toLowerCase(java.util.Locale.ROOT), e.attr("content"));
        }
        Element canonical = doc.selectFirst("link[rel=canonical][href]");
        if (canonical != null) m.put("canonical", canonical.attr("abs:href").isEmpty() ? canonical.attr("href") : canonical.attr("abs:href"));
        Element time = doc.selectFirst("time[datetime]");
        if (time != null) m.put("time", time.attr("datetime"));
        for (Element s : doc.select("script[type=application/ld+json]")) {
            try {
                readLd(JSON.readTree(s.data()), m);
            } catch (Exception e) {
                // a broken JSON-LD block is common on real pages; the other meta still count
            }
        }
        return m;
    }

    private static void readLd(JsonNode n, Map<String, String> m) {
        if (n == null) return;
        if (n.isArray()) {
            n.forEach(x -> readLd(x, m));
            return;
        }
        if (n.has("@graph")) readLd(n.get("@graph"), m);
        String type = n.path("@type").asText("");
        if (!type.contains("Article") && !type.contains("Posting") && !type.contains("Report")) return;
        if (n.hasNonNull("headline")) m.putIfAbsent("ld:headline", n.get("headline").asText());
        if (n.hasNonNull("datePublished")) m.putIfAbsent("ld:datePublished", n.get("datePublished").asText());
        JsonNode a = n.path("author");
        if (a.isArray() && a.size() > 0) a = a.get(0);
        if (a.isTextual()) m.putIfAbsent("ld:author", a.asText());
        else if (a.hasNonNull("name")) m.putIfAbsent("ld:author", a.get("name").asText());
        JsonNode p = n.path("publisher");
        if (p.hasNonNull("name")) m.putIfAbsent("ld:publisher", p.get("name").asText());
    }

    /** The element whose paragraphs hold the most prose, Readability-style. */
    private static Element bestContainer(Element root) {
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Element p : root.select("p, pre, td, blockquote, div")) {
            if (p.tagName().equals("div") && !p.select("p, div, li, table").isEmpty()) continue;
            String text = p.text();
            if (text.length() < 25) continue;
            double score = 1 + text.split("[,，、]").length + Math.min(text.length() / 100.0, 3);
            Element parent = p.parent();
            if (parent != null) scores.merge(parent, score, Double::sum);
            if (parent != null && parent.parent() != null) scores.merge(parent.parent(), score / 2, Double::sum);
        }
        Element best = null;
        double bestScore = 0;
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            Element el = e.getKey();
            String cls = el.className() + " " + el.id();
            double s = e.getValue() * (1 - linkDensity(el));
            if (LIKELY.matcher(cls).find()) s *= 1.25;
            if (UNLIKELY.matcher(cls).find() && !LIKELY.matcher(cls).find()) s *= 0.5;
            if (el.tagName().equals("article") || el.tagName().equals("main")) s *= 1.25;
            if (s > bestScore) {
                bestScore = s;
                best = el;
            }
        }
        return best;
    }

    private static double linkDensity(Element e) {
        int total = e.text().length();
        if (total == 0) return 0;
        int links = 0;
        for (Element a : e.select("a")) links += a.text().length();
        return Math.min(1.0, links / (double) total);
    }

    /** Emits one piece per block of text, in document order, marking those inside {@code best}. */
    private static void collect(Element el, Element best, boolean inside, List<Piece> out) {
        boolean in = inside || el == best;
        if (BLOCKS.contains(el.tagName()) || (el.tagName().equals("div") && hasOwnText(el))) {
            String text = el.tagName().equals("div") ? ownBlockText(el) : el.text();
            text = text.strip();
            if (!text.isEmpty()) {
                boolean kept = in && keep(el);
                out.add(new Piece(text, kind(el), kept));
            }
            if (!el.tagName().equals("div")) return;
        }
        for (Element child : el.children()) collect(child, best, in, out);
    }

    private static boolean keep(Element el) {
        for (Element e = el; e != null; e = e.parent()) {
            String cls = e.className() + " " + e.id();
            if (e.tagName().equals("nav") || e.tagName().equals("aside") || e.tagName().equals("footer")) return false;
            if (UNLIKELY.matcher(cls).find() && !LIKELY.matcher(cls).find()) return false;
            if (e.tagName().equals("article") || e.tagName().equals("main") || e.tagName().equals("body")) break;
        }
        if (el.tagName().equals("li") || el.tagName().equals("td")) return linkDensity(el) < 0.5;
        return linkDensity(el) < 0.7;
    }

    private static String kind(Element el) {
        for (Element e = el; e != null; e = e.parent()) if (e.tagName().equals("figcaption") || e.tagName().equals("figure")) return "caption";
        return el.tagName().matches("h[1-6]") ? "heading" : "paragraph";
    }

    private static boolean hasOwnText(Element el) {
        for (Node n : el.childNodes()) if (n instanceof TextNode t && !t.isBlank()) return true;
        return false;
    }

    private static String ownBlockText(Element el) {
        StringBuilder sb = new StringBuilder();
        for (Node n : el.childNodes()) {
            if (n instanceof TextNode t) sb.append(t.text());
            else if (n instanceof Element e && !BLOCKS.contains(e.tagName()) && !e.tagName().equals("div")) sb.append(e.text()).append(' ');
        }
        return sb.toString().replaceAll("\\s+", " ");
    }
}
