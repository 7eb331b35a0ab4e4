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
 * Finds the article in a saved HTML page with Jsoup, Readability-style: the container the
 * page marks as the article body ({@code itemprop=articleBody}, CMS class names) when there
 * is one, else the container that scores best on the prose it holds (text length, commas,
 * link density, class and tag), with the siblings that read like it. Navigation, asides,
 * footers and boxes that are mostly links or say by class that they are furniture are left
 * out; headings, quotes and lists inside the article stay. Title, date, author,
 * publication and URL come from {@code og:}/{@code article:} meta and JSON-LD. Every block
 * element's text stands for one line. Thread-safe.
 */
final class HtmlExtractor {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote",
            "figcaption", "pre", "td", "th", "dd", "dt", "caption", "address", "summary");
    private static final Set<String> DROP = Set.of("script", "style", "noscript", "template", "svg", "iframe",
            "object", "select", "button", "input", "textarea", "head");
    private static final Pattern UNLIKELY = Pattern.compile(
            "(?i)comment|share|sharing|social|related|promo|newsletter|sidebar|advert|\\bads?\\b|cookie|footer|menu|breadcrumb|nav|subscribe|popup|modal|banner|masthead|widget|recommend|outbrain|taboola|tags?\\b|author-bio|byline");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Pattern LIKELY = Pattern.compile("(?i)article|body|content|entry|main|post|story|text");

    /** A block of the page: its text, its kind, and whether it belongs to the article. */
    record Piece(String text, String kind, boolean kept) {}

    record Page(String title, String date, String author, String publication, String url, String lang,
                List<Piece> pieces) {}

    Page extract(String html) {
        Document doc = Jsoup.parse(html);
        // one walk over the tree reads the metadata and finds what is never text
        Map<String, String> meta = new HashMap<>();
        List<Element> gone = new ArrayList<>();
        for (Element e : doc.getAllElements()) {
            meta(e, meta);
            if (DROP.contains(e.tagName()) || e.hasAttr("hidden") || e.attr("aria-hidden").equals("true")) gone.add(e);
        }
        for (Element e : gone) e.remove();
        Element root = doc.body();
        Element h1 = root.selectFirst("h1");
        Scan strict = new Scan(true, null);
        List<Piece> pieces = pieces(root, strict);
        if (keptLength(pieces) < 500) {
            // Readability's retry: class names misled the first pass (a "post-sidebar" holding the post)
            List<Piece> loose = pieces(root, new Scan(false, strict));
            if (keptLength(loose) > keptLength(pieces)) pieces = loose;
        }
        String title = firstNonBlank(meta.get("og:title"), meta.get("ld:headline"), meta.get("twitter:title"), doc.title());
        if (h1 != null && !h1.text().isBlank()) title = h1.text().strip();
        String lang = doc.selectFirst("html") == null ? "" : doc.selectFirst("html").attr("lang");
        return new Page(title, firstNonBlank(meta.get("article:published_time"), meta.get("ld:datePublished"),
                meta.get("date"), meta.get("time")),
                firstNonBlank(meta.get("ld:author"), meta.get("author"), meta.get("article:author")),
                firstNonBlank(meta.get("og:site_name"), meta.get("ld:publisher")),
                firstNonBlank(meta.get("og:url"), meta.get("canonical")), lang, pieces);
    }

    private static List<Piece> pieces(Element root, Scan scan) {
        Set<Element> article = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        article.addAll(article(root, scan));
        List<Piece> out = new ArrayList<>();
        collect(root, article, false, false, scan, out);
        return out;
    }

    private static int keptLength(List<Piece> pieces) {
        int n = 0;
        for (Piece p : pieces) if (p.kept()) n += p.text().length();
        return n;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v.strip();
        return null;
    }

    /** Adds what {@code e} says about the page: meta tags, the canonical link, the first time, JSON-LD. */
    private static void meta(Element e, Map<String, String> m) {
        switch (e.tagName()) {
            case "meta" -> {
                if (!e.hasAttr("content")) return;
                String key = e.hasAttr("property") ? e.attr("property") : e.attr("name");
                if (!key.isEmpty()) m.putIfAbsent(key.toLowerCase(java.util.Locale.ROOT), e.attr("content"));
            }
            case "link" -> {
                if (e.attr("rel").equals("canonical") && e.hasAttr("href") && !m.containsKey("canonical")) {
                    m.put("canonical", e.attr("abs:href").isEmpty() ? e.attr("href") : e.attr("abs:href"));
                }
            }
            case "time" -> {
                if (e.hasAttr("datetime")) m.putIfAbsent("time", e.attr("datetime"));
            }
            case "script" -> {
                if (!e.attr("type").equals("application/ld+json")) return;
                try {
                    readLd(JSON.readTree(e.data()), m);
                } catch (Exception x) {
                    // a broken JSON-LD block is common on real pages; the other meta still count
                }
            }
            default -> { }
        }
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

    /** Block-level tags: an element holding one of these is a container, not a paragraph. */
    private static final Set<String> CONTAINERS = Set.of("p", "div", "section", "article", "main", "table", "ul", "ol",
            "dl", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "header", "footer", "aside", "nav",
            "form", "li");
    private static final Set<String> DIVS = Set.of("div", "section", "article", "main", "font", "center");
    /** How CMSs mark the article's own body: schema.org's itemprop and the common class names. */
    private static final Pattern BODY_CLASS = Pattern.compile(
            "(?i)\\b(?:article|story|post|entry|news|blog|content)[-_]{0,2}(?:body|content|text|inner|main)\\b|\\bpost-?body\\b|\\barticlebody\\b");
    private static final Set<String> SCORED = Set.of("p", "pre", "td", "section", "h2", "h3", "h4", "h5", "h6");
    /** Readability's weights: a class or id saying "content" or "comments" moves a container's score. */
    private static final Pattern POSITIVE = Pattern.compile(
            "(?i)article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose");
    private static final Pattern NEGATIVE = Pattern.compile(
            "(?i)-ad-|hidden|\\bhid\\b|banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|byline|author|dateline|caption|subscribe|newsletter|signup|recirc|taboola");
    /** Furniture that is never the article, by its role or its class or id. */
    private static final Set<String> JUNK_TAGS = Set.of("nav", "aside", "footer", "header", "dialog", "menu");
    private static final Set<String> JUNK_ROLES = Set.of("navigation", "complementary", "contentinfo", "banner", "search",
            "menu", "menubar", "dialog", "alert", "alertdialog");

    /** Per-call measurements; a page is one call, so no state is shared between threads. */
    private static final class Scan {
        final Map<Element, Double> score = new IdentityHashMap<>();
        final Map<Element, int[]> lengths;
        private final Map<Element, Boolean> leaves;
        private final Map<Element, Boolean> junk = new IdentityHashMap<>();
        final boolean strict;

        /** {@code measured}: an earlier scan of the same tree whose measures (not its verdicts) still hold. */
        Scan(boolean strict, Scan measured) {
            this.strict = strict;
            this.lengths = measured == null ? new IdentityHashMap<>() : measured.lengths;
            this.leaves = measured == null ? new IdentityHashMap<>() : measured.leaves;
        }

        /**
         * Measures of {@code e}'s subtree, computed once: text length (whitespace folded),
         * linked text length, commas, and the p (or divs of text alone), img and li elements in it.
         */
        int[] lengths(Element e) {
            int[] l = lengths.get(e);
            if (l != null) return l;
            l = new int[6];
            boolean link = e.tagName().equals("a");
            for (Node n : e.childNodes()) {
                if (n instanceof TextNode t) {
                    String text = t.getWholeText();
                    int len = folded(text);
                    l[0] += len;
                    if (link) l[1] += len;
                    for (int i = 0; i < text.length(); i++) {
                        char c = text.charAt(i);
                        if (c == ',' || c == '，' || c == '、') l[2]++;
                    }
                } else if (n instanceof Element c) {
                    int[] cl = lengths(c);
                    l[0] += cl[0];
                    l[1] += link ? cl[0] : cl[1];
                    for (int i = 2; i < 6; i++) l[i] += cl[i];
                    switch (c.tagName()) {
                        case "p" -> l[3]++;
                        // as Readability turns a div holding no blocks into a p, such a div of text counts as one
                        case "div" -> {
                            if (cl[0] > 0 && leaf(c)) l[3]++;
                        }
                        case "img" -> l[4]++;
                        case "li" -> l[5]++;
                        default -> { }
                    }
                }
            }
            lengths.put(e, l);
            return l;
        }

        /** No block element inside: the element reads as one line. */
        boolean leaf(Element e) {
            Boolean b = leaves.get(e);
            if (b == null) {
                b = true;
                for (Element c : e.children()) {
                    if (CONTAINERS.contains(c.tagName()) || BLOCKS.contains(c.tagName()) || !leaf(c)) {
                        b = false;
                        break;
                    }
                }
                leaves.put(e, b);
            }
            return b;
        }

        double linkDensity(Element e) {
            int[] l = lengths(e);
            return l[0] == 0 ? 0 : Math.min(1.0, l[1] / (double) l[0]);
        }

        /** Page furniture: navigation, asides, footers, and (in strict mode) blocks whose class says so. */
        boolean junk(Element e) {
            Boolean b = junk.get(e);
            if (b == null) {
                b = isJunk(e);
                junk.put(e, b);
            }
            return b;
        }

        private boolean isJunk(Element e) {
            String tag = e.tagName();
            if (JUNK_TAGS.contains(tag) || JUNK_ROLES.contains(e.attr("role"))) return true;
            if (!strict || tag.equals("body") || tag.equals("article") || tag.equals("main") || tag.equals("a")) return false;
            int f = classFlags(e.className()) | classFlags(e.id());
            return (f & UNLIKELY_NAME) != 0 && (f & LIKELY_NAME) == 0;
        }
    }

    private static int folded(String s) {
        int n = 0;
        boolean space = true;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                if (!space) n++;
                space = true;
            } else {
                n++;
                space = false;
            }
        }
        return n;
    }

    /** What the class-name patterns say of one class or id attribute, as bits. */
    private static final int NEGATIVE_NAME = 1, POSITIVE_NAME = 2, UNLIKELY_NAME = 4, LIKELY_NAME = 8, BODY_NAME = 16;
    /**
     * The bits per attribute value, worked out once: a page repeats a few class names on
     * hundreds of elements, a site on every page, and the case-blind alternations cost more
     * than the rest of the extraction after parsing. No pattern matches across a space, so
     * a class and an id are looked up apart.
     */
    private static final Map<String, Integer> CLASS_FLAGS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_CLASS_FLAGS = 100_000;

    private static int classFlags(String name) {
        if (name.isEmpty()) return 0;
        Integer f = CLASS_FLAGS.get(name);
        if (f == null) {
            f = (NEGATIVE.matcher(name).find() ? NEGATIVE_NAME : 0) | (POSITIVE.matcher(name).find() ? POSITIVE_NAME : 0)
                    | (UNLIKELY.matcher(name).find() ? UNLIKELY_NAME : 0) | (LIKELY.matcher(name).find() ? LIKELY_NAME : 0)
                    | (BODY_CLASS.matcher(name).find() ? BODY_NAME : 0);
            if (CLASS_FLAGS.size() < MAX_CLASS_FLAGS) CLASS_FLAGS.put(name, f);
        }
        return f;
    }

    private static int weight(Element e) {
        int w = 0;
        for (String s : new String[]{e.className(), e.id()}) {
            int f = classFlags(s);
            if ((f & NEGATIVE_NAME) != 0) w -= 25;
            if ((f & POSITIVE_NAME) != 0) w += 25;
        }
        return w;
    }

    private static double initial(Element e) {
        double s = switch (e.tagName()) {
            case "div", "article", "main" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        return s + weight(e);
    }

    /** The article's elements: the best-scoring container and those of its siblings that read like it. */
    private static List<Element> article(Element root, Scan scan) {
        List<Element> marked = marked(root, scan);
        if (!marked.isEmpty()) return marked;
        Map<Element, Double> scores = scan.score;
        List<Para> paragraphs = new ArrayList<>();
        paragraphs(root, scan, paragraphs);
        for (Para p : paragraphs) {
            int len = p.text.length();
            if (len < 25) continue;
            int commas = 0;
            for (int i = 0; i < len; i++) {
                char c = p.text.charAt(i);
                if (c == ',' || c == '，' || c == '、') commas++;
            }
            double s = 2 + commas + Math.min(len / 100, 3);
            Element a = p.scoresFrom;
            for (int level = 0; a != null && level < 5; level++, a = a.parent()) {
                if (!scores.containsKey(a)) scores.put(a, initial(a));
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores.merge(a, s / divider, Double::sum);
                if (a == root) break;
            }
        }
        Element best = null;
        double bestScore = 0;
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            double s = e.getValue() * (1 - scan.linkDensity(e.getKey()));
            e.setValue(s);
            if (best == null || s > bestScore) {
                best = e.getKey();
                bestScore = s;
            }
        }
        if (best == null) return List.of(root);
        // a container whose parent holds nearly as much is one of several article parts
        while (best.parent() != null && best != root) {
            Double ps = scores.get(best.parent());
            if (ps == null || ps < bestScore * 0.85 || scan.junk(best.parent())) break;
            best = best.parent();
            bestScore = Math.max(bestScore, ps);
        }
        if (best == root || best.parent() == null) return List.of(best);
        List<Element> out = new ArrayList<>();
        double threshold = Math.max(10, bestScore * 0.2);
        for (Element sib : best.parent().children()) {
            if (sib == best) {
                out.add(sib);
                continue;
            }
            if (scan.junk(sib)) continue;
            double bonus = !best.className().isEmpty() && sib.className().equals(best.className()) ? bestScore * 0.2 : 0;
            Double s = scores.get(sib);
            if (s != null && s + bonus >= threshold) {
                out.add(sib);
            } else if (sib.tagName().equals("p")) {
                int len = scan.lengths(sib)[0];
                double ld = scan.linkDensity(sib);
                String t = sib.text();
                if (len > 80 && ld < 0.25 || len > 0 && len <= 80 && ld == 0 && (t.endsWith(".") || t.contains(". "))) out.add(sib);
            }
        }
        return out;
    }

    /**
     * The container the page itself marks as the article body, when exactly that is its
     * prose: several such marks are resolved to the one holding most text, together with
     * the marks of the same class outside it (a body split in chunks around an ad). Empty
     * when the page marks none.
     */
    private static List<Element> marked(Element root, Scan scan) {
        List<Element> marks = new ArrayList<>();
        Element best = null;
        int bestLen = 0;
        for (Element e : root.getAllElements()) {
            boolean mark = e.attr("itemprop").equalsIgnoreCase("articleBody")
                    || (DIVS.contains(e.tagName()) && (e.hasAttr("class") || e.hasAttr("id"))
                        && ((classFlags(e.className()) | classFlags(e.id())) & BODY_NAME) != 0);
            if (!mark || scan.linkDensity(e) >= 0.4) continue;
            marks.add(e);
            int len = scan.lengths(e)[0];
            if (len > bestLen) {
                best = e;
                bestLen = len;
            }
        }
        if (bestLen < 250) return List.of();
        List<Element> out = new ArrayList<>();
        for (Element e : marks) {
            boolean chunk = e != best && !e.className().isEmpty() && e.className().equals(best.className())
                    && !best.parents().contains(e) && !e.parents().contains(best);
            if (e == best || chunk) out.add(e);
        }
        return out;
    }

    /** The elements that hold prose directly: p, pre, td, and block containers with no block inside. */
    private static void paragraphs(Element el, Scan scan, List<Para> out) {
        if (el != el.ownerDocument().body() && scan.junk(el)) return;
        String tag = el.tagName();
        if (SCORED.contains(tag) && scan.leaf(el) || DIVS.contains(tag) && scan.leaf(el)) {
            out.add(new Para(el.parent(), el.text()));
            return;
        }
        // text straight inside a container, between its blocks, is a paragraph of that container
        inlineRuns(el, scan, run -> {
            if (!run.isBlank()) out.add(new Para(el, run.strip()));
        }, c -> paragraphs(c, scan, out));
    }

    /**
     * Walks {@code el}'s children in order: text and inline elements gather into runs, each
     * handed to {@code onRun} (possibly blank) before the next block child goes to
     * {@code onBlock}, and once more at the end.
     */
    private static void inlineRuns(Element el, Scan scan, java.util.function.Consumer<String> onRun,
                                   java.util.function.Consumer<Element> onBlock) {
        StringBuilder run = new StringBuilder();
        for (Node n : el.childNodes()) {
            if (n instanceof TextNode t) {
                run.append(t.text());
            } else if (n instanceof Element c && inline(c, scan)) {
                run.append(c.text());
            } else if (n instanceof Element c) {
                onRun.accept(run.toString());
                run.setLength(0);
                onBlock.accept(c);
            }
        }
        onRun.accept(run.toString());
    }

    /** A run of prose to score, and the container its score goes to first. */
    private record Para(Element scoresFrom, String text) {}

    private static boolean inline(Element e, Scan scan) {
        return !BLOCKS.contains(e.tagName()) && !CONTAINERS.contains(e.tagName()) && scan.leaf(e);
    }

    /**
     * Readability's conditional cleaning: a list, table or box inside the article that is
     * mostly links or images, or says by its class that it is furniture.
     */
    private static boolean furnitureBox(Element e, Scan scan) {
        String tag = e.tagName();
        if (!tag.equals("div") && !tag.equals("section") && !tag.equals("ul") && !tag.equals("ol") && !tag.equals("table")
                && !tag.equals("figure") && !tag.equals("dl")) return false;
        int w = weight(e);
        if (w < 0 && scan.strict) return true;
        int[] m = scan.lengths(e);
        if (m[2] >= 10) return false;
        int len = m[0];
        double ld = scan.linkDensity(e);
        int ps = m[3], imgs = m[4], lis = m[5] - 100;
        boolean list = tag.equals("ul") || tag.equals("ol");
        if (tag.equals("figure")) return false;
        // a gallery: pictures with little text each; prose set in <br> runs between them has no <p> to count
        if (imgs > 1 && ps / (double) imgs < 0.5 && len < imgs * 200 && !list) return true;
        if (!list && lis > ps) return true;
        if (!list && len < 25 && (imgs == 0 || imgs > 2) && ld > 0) return true;
        if (w < 25 && ld > 0.2 + (list ? 0.15 : 0)) return true;
        return w >= 25 && ld > 0.5;
    }

    /** Emits one piece per block of text, in document order, marking those inside the article. */
    private static void collect(Element el, Set<Element> article, boolean inside, boolean dropped, Scan scan,
                                List<Piece> out) {
        boolean in = inside || article.contains(el);
        boolean top = article.contains(el);
        boolean drop = !top && (dropped || (el != el.ownerDocument().body() && scan.junk(el)) || (in && furnitureBox(el, scan)));
        if (scan.leaf(el)) {
            String text = el.text().strip();
            if (!text.isEmpty()) out.add(new Piece(text, kind(el), in && !drop && keep(el, scan)));
            return;
        }
        boolean kept = in && !drop;
        inlineRuns(el, scan, run -> flush(run, el, kept, scan, out), c -> collect(c, article, in, drop, scan, out));
    }

    /** Text that sits between blocks, straight inside a container, is a line of its own. */
    private static void flush(String run, Element parent, boolean kept, Scan scan, List<Piece> out) {
        String text = Cleaner.squeeze(run);
        if (!text.isEmpty()) out.add(new Piece(text, kind(parent), kept && scan.linkDensity(parent) < 0.7));
    }

    private static boolean keep(Element el, Scan scan) {
        double ld = scan.linkDensity(el);
        if (el.tagName().equals("li") || el.tagName().equals("td") || el.tagName().equals("dd")) return ld < 0.5;
        return ld < 0.7;
    }

    private static String kind(Element el) {
        for (Element e = el; e != null; e = e.parent()) if (e.tagName().equals("figcaption") || e.tagName().equals("figure")) return "caption";
        return HEADINGS.contains(el.tagName()) ? "heading" : "paragraph";
    }

}
