package briefing.render;

import briefing.lang.LanguageData;
import briefing.model.Article;
import briefing.model.Block;
import briefing.model.Cleaned;
import briefing.model.Parallel;
import briefing.model.SiteConfig;
import briefing.model.Taxonomy;
import briefing.search.SearchIndex;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNotFoundException;
import org.jsoup.Jsoup;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Renders the whole site through FreeMarker templates. Templates are parsed once and cached;
 * one instance renders one build. The order of pages is deterministic.
 */
public final class Renderer {
    /** Files of a theme's {@code static/} folder, copied to {@code assets/} as they are. */
    static final List<String> ASSETS = List.of("style.css", "favicon.svg", "theme.js", "search.js");
    /** The built-in theme that any other theme falls back to for the files it does not have. */
    static final String BASE_THEME = "calm";

    private static final ObjectMapper JSON = new ObjectMapper();
    static final MarkdownParser MARKDOWN = new MarkdownParser();
    static final HtmlRenderer MARKDOWN_HTML = HtmlRenderer.builder(MarkdownParser.OPTIONS).build();
    /** Read-only once built, so every render thread shares it. */
    private static final Safelist SAFE = Safelist.relaxed().removeTags("img").addAttributes("a", "title");

    /** Tags, as Flexmark writes them, that the safelist keeps whole; {@code hr} is not one of them. */
    private static final Set<String> PLAIN = Set.of("p", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li",
            "h1", "h2", "h3", "h4", "h5", "h6", "br /", "table", "thead", "tbody", "tr", "th", "td");
    /** URLs a sitemap file may hold (sitemaps.org). */
    private static final int SITEMAP_URLS = 50_000;
    /** Articles whose bodies are rendered together before their pages are submitted. */
    private static final int WINDOW = 256;

    /** What is rendered: the enriched site. Articles arrive newest first. */
    public record Input(List<Article> articles, List<Parallel> parallels, Taxonomy taxonomy) {}

    private final SiteConfig config;
    private final boolean remember;
    /** The last build's search entries, and this build's, by cleaned text (identity); null unless remembering. */
    private Map<Cleaned, Body> remembered, rememberedNow;
    /**
     * The same by article (identity): the enricher hands an unchanged article over as the same
     * object, whose search entry is then taken as it is, with nothing built to compare it by.
     */
    private Map<Article, Body> rememberedArticles = Map.of(), rememberedArticlesNow;
    /** The last build's search index, which the next one updates; null unless remembering. */
    private final SearchIndex.Memory searchMemory;
    /** The search index's stop words: the built-in ones only (a site's own stop words do not reach search). */
    private final LanguageData stopwords = LanguageData.builtIn();
    private final Configuration fm;
    private final Messages messages;
    private final Links links;
    private final Path siteTemplates;
    private final String theme;
    /** Built-in theme folders searched in order: the theme's own, then the base theme's. */
    private final List<String> builtIn;

    /**
     * @param siteTemplates the site's templates folder (may be null or missing); its files
     *                      override those of {@code siteTemplates/<theme>/}, which override the
     *                      built-in theme of that name
     * @param remember      keep every article's search entry for the next build (as {@code watch}
     *                      does), so that an unchanged article's body is not read again
     */
    public Renderer(SiteConfig config, Path siteTemplates, Messages messages, boolean remember) throws RenderException {
        this.remember = remember;
        this.searchMemory = remember ? new SearchIndex.Memory() : null;
        this.config = config;
        this.messages = messages;
        this.siteTemplates = siteTemplates;
        this.theme = config.theme();
        this.builtIn = theme.equals(BASE_THEME) ? List.of(theme) : List.of(theme, BASE_THEME);
        this.links = new Links(config.portable(), config.baseUrl());
        fm = new Configuration(Configuration.VERSION_2_3_34);
        fm.setDefaultEncoding("UTF-8");
        fm.setRecognizeStandardFileExtensions(true);
        fm.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        fm.setLogTemplateExceptions(false);
        fm.setWrapUncheckedExceptions(true);
        fm.setFallbackOnNullLoopVariable(false);
        fm.setNumberFormat("computer");
        List<TemplateLoader> loaders = new ArrayList<>();
        try {
            if (siteTemplates != null && Files.isDirectory(siteTemplates)) {
                loaders.add(new FileTemplateLoader(siteTemplates.toFile()));
                Path themed = siteTemplates.resolve(theme);
                if (Files.isDirectory(themed)) loaders.add(new FileTemplateLoader(themed.toFile()));
            }
        } catch (IOException e) {
            throw new RenderException("cannot read templates folder " + siteTemplates + ": " + e.getMessage(), e);
        }
        for (String t : builtIn) loaders.add(new ClassTemplateLoader(Renderer.class, "/templates/" + t));
        fm.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(new TemplateLoader[0])));
        if (Renderer.class.getResource("/templates/" + theme + "/static/style.css") == null
                && (siteTemplates == null || !Files.isDirectory(siteTemplates.resolve(theme)))) {
            throw new RenderException("theme '" + theme + "' does not exist; use one of the folders in templates/ "
                    + "or the built-in 'calm' or 'compact'", null);
        }
    }

    public Messages messages() {
        return messages;
    }

    /** Renders every page of the site into {@code sink} on every core; the pages are the same whatever the thread timing. */
    public void render(Input in, PageSink sink) throws RenderException, IOException {
        rememberedNow = remember ? Collections.synchronizedMap(new IdentityHashMap<>()) : null;
        rememberedArticlesNow = remember ? new IdentityHashMap<>() : null;
        try (PageJobs pages = new PageJobs(sink, Runtime.getRuntime().availableProcessors())) {
            render(in, pages);
            pages.finish();
        }
        remembered = rememberedNow;
        if (remember) rememberedArticles = rememberedArticlesNow;
    }

    private void render(Input in, PageJobs sink) throws RenderException, IOException {
        Map<String, Article> byId = new HashMap<>();
        in.articles().forEach(a -> byId.put(a.id(), a));
        Map<String, Parallel> parallelOf = new HashMap<>();
        for (Parallel p : in.parallels()) {
            parallelOf.put(p.left(), p);
            parallelOf.put(p.right(), p);
        }
        SiteView view = new SiteView(in, byId, parallelOf);

        page(sink, "", "entry.ftlh", config.defaultLanguage(), view.pageInfo(config.defaultLanguage(), "entry", "",
                messages.get(config.defaultLanguage(), "site.title"), messages.get(config.defaultLanguage(), "site.tagline"),
                config.defaultLanguage(), view.editionAlternates(ed -> "")), Map.of());
        notFound(sink, view);

        Map<String, List<Article>> byTopic = view.byTopic();
        for (String ed : config.languages()) {
            List<Article> listed = in.articles();
            int pages = Math.max(1, (listed.size() + config.pageSize() - 1) / config.pageSize());
            for (int p = 1; p <= pages; p++) {
                final int pageNo = p;
                String path = Links.home(ed, p);
                PageInfo info = view.pageInfo(ed, "home", path, messages.get(ed, "site.title"),
                        messages.get(ed, "site.tagline"), ed, view.editionAlternates(e -> Links.home(e, pageNo)));
                if (sink.keep(Links.file(path), inputs(page(listed, p), "home", p, pages))) continue;
                List<Article> shown = page(listed, p);
                int count = pages;
                page(sink, path, "home.ftlh", ed, info, () -> Map.of("articles", view.cards(ed, path, shown),
                        "pagination", view.pagination(ed, path, pageNo, count, n -> Links.home(ed, n))));
            }
            feed(sink, ed, ed + "/feed.xml", messages.get(ed, "feed.title"), Links.home(ed, 1), in.articles(), view);

            Map<String, Object> overview = new HashMap<>();
            overview.put("groups", view.topicGroups(ed, Links.topics(ed), byTopic));
            page(sink, Links.topics(ed), "topics.ftlh", ed, view.pageInfo(ed, "topics", Links.topics(ed),
                    messages.get(ed, "topics.title"), messages.get(ed, "topics.title"), ed,
                    view.editionAlternates(Links::topics)), overview);
            for (Taxonomy.Topic t : in.taxonomy().topics()) {
                List<Article> list = byTopic.getOrDefault(t.key(), List.of());
                if (list.isEmpty()) continue;
                int tp = view.pages(list);
                for (int p = 1; p <= tp; p++) {
                    final int pageNo = p;
                    String path = Links.topic(ed, t.key(), p);
                    PageInfo info = view.pageInfo(ed, "topic", path, t.label(ed),
                            messages.get(ed, "topic.articles", t.label(ed)), ed,
                            view.editionAlternates(e -> Links.topic(e, t.key(), pageNo)));
                    if (sink.keep(Links.file(path), inputs(page(list, p), "topic", t.key(), list.size(), p, tp))) continue;
                    List<Article> shown = page(list, p);
                    int count = tp;
                    page(sink, path, "topic.ftlh", ed, info, () -> Map.of("topic", view.topicRef(ed, path, t.key(), list.size()),
                            "articles", view.cards(ed, path, shown),
                            "pagination", view.pagination(ed, path, pageNo, count, n -> Links.topic(ed, t.key(), n)),
                            "feed", links.relative(path, Links.topic(ed, t.key(), 1) + "feed.xml")));
                }
                feed(sink, ed, Links.topic(ed, t.key(), 1) + "feed.xml", messages.get(ed, "feed.topic", t.label(ed)),
                        Links.topic(ed, t.key(), 1), list, view);
            }
        }

        SearchIndex index = new SearchIndex(stopwords::stopwords, searchMemory);
        List<Article> all = in.articles();
        for (int from = 0; from < all.size(); from += WINDOW) {
            // a window at a time: each body is rendered once, on every core, for its page and the search index
            List<Article> window = all.subList(from, Math.min(from + WINDOW, all.size()));
            List<PageInfo> infos = new ArrayList<>();
            boolean[] kept = new boolean[window.size()];
            for (int i = 0; i < window.size(); i++) {
                Article a = window.get(i);
                String ed = config.editionOf(a.lang());
                String path = Links.article(ed, a.slug());
                infos.add(view.pageInfo(ed, "article", path, a.title(), a.summary(), a.lang(), view.articleAlternates(a)));
                kept[i] = sink.keep(Links.file(path), view.inputs(a));
            }
            Body[] bodies = new Body[window.size()];
            List<Integer> todo = new ArrayList<>();
            for (int i = 0; i < window.size(); i++) {
                Body same = kept[i] ? rememberedArticles.get(window.get(i)) : null;
                if (same != null) {
                    bodies[i] = same;
                    rememberedNow.put(window.get(i).cleaned(), same);
                } else {
                    todo.add(i);
                }
            }
            todo.parallelStream().forEach(i -> bodies[i] = body(window.get(i), !kept[i], index, in.taxonomy(), sink.sink()));
            if (rememberedArticlesNow != null) {
                for (int i = 0; i < window.size(); i++) rememberedArticlesNow.put(window.get(i), bodies[i].withoutHtml());
            }
            for (int i = 0; i < window.size(); i++) {
                Article a = window.get(i);
                Body body = bodies[i];
                SearchIndex.File chunk = index.add(body.doc(), body.terms());
                // a full text file holds the articles up to this one, one document each: its text follows
                // from them alone, so a new process keeps an unchanged one instead of writing it out again
                if (chunk != null && !sink.keep(chunk.path(), all.subList(from + i + 1 - SearchIndex.CHUNK, from + i + 1))) {
                    sink.submit(chunk.path(), () -> utf8(chunk.text()));
                }
                if (kept[i]) continue;
                String ed = config.editionOf(a.lang());
                String path = Links.article(ed, a.slug());
                page(sink, path, "article.ftlh", ed, infos.get(i),
                        () -> Map.of("article", view.article(ed, path, a, body.html()), "jsonLd", view.jsonLd(path, a)));
            }
        }
        for (SearchIndex.File f : index.finish()) {
            // a remembering index names each file's text by its digest: an unchanged file is not even made
            if (f.digest() == null || !sink.keep(f.path(), List.of(f.digest()))) sink.submit(f.path(), () -> utf8(f.text()));
        }

        for (Parallel p : in.parallels()) {
            Article left = byId.get(p.left()), right = byId.get(p.right());
            for (Article own : List.of(left, right)) {
                String ed = config.editionOf(own.lang());
                if (!own.lang().equals(ed)) continue;
                String path = Links.parallel(ed, own.slug());
                boolean ownIsLeft = own == left;
                PageInfo info = view.pageInfo(ed, "parallel", path,
                        messages.get(ed, "parallel.title", own.title()), messages.get(ed, "parallel.intro"), ed,
                        view.parallelAlternates(p));
                if (sink.keep(Links.file(path), List.of(p, left, right))) continue;
                page(sink, path, "parallel.ftlh", ed, info, () -> Map.of("parallel", view.parallel(ed, path, p, ownIsLeft)));
            }
        }

        searchPages(sink, in, view);

        // every page's pageInfo has been taken by now, so the sitemap is complete
        sitemap(sink, view);
        // robots.txt only takes an absolute sitemap URL
        String robots = "User-agent: *\nAllow: /\n" + (links.hasBase() ? "Sitemap: " + links.absolute("sitemap.xml")
                : "# Sitemap: set baseUrl in site.yml to point crawlers to sitemap.xml") + "\n";
        sink.submit("robots.txt", () -> utf8(robots));
        for (String asset : ASSETS) {
            String text = asset(asset);
            if (text != null) sink.submit("assets/" + asset, () -> utf8(text));
        }
    }

    /** sitemap.xml: the pages' URLs, or past the protocol's limit per file, an index of numbered sitemaps. */
    private void sitemap(PageJobs sink, SiteView view) throws IOException, RenderException {
        List<Map<String, Object>> urls = view.sitemap();
        if (urls.size() <= SITEMAP_URLS) {
            // the pages and their alternates are all it shows: an edit that adds or moves no page keeps it
            if (sink.keep("sitemap.xml", List.of(view.sitemapDigest()))) return;
            sink.submit("sitemap.xml", () -> run("sitemap.ftlx", Map.of("urls", urls)));
            return;
        }
        StringBuilder index = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (int from = 0, n = 1; from < urls.size(); from += SITEMAP_URLS, n++) {
            List<Map<String, Object>> part = urls.subList(from, Math.min(from + SITEMAP_URLS, urls.size()));
            String name = "sitemap-" + n + ".xml";
            sink.submit(name, () -> run("sitemap.ftlx", Map.of("urls", part)));
            index.append("  <sitemap><loc>").append(links.hasBase() ? links.absolute(name) : name).append("</loc></sitemap>\n");
        }
        String text = index.append("</sitemapindex>\n").toString();
        sink.submit("sitemap.xml", () -> utf8(text));
    }

    /** What a list page is made of besides settings: what it is, then the articles it shows. */
    private static List<Object> inputs(List<Article> shown, Object... about) {
        List<Object> out = new ArrayList<>(List.of(about));
        out.addAll(shown);
        return out;
    }

    /**
     * 404.html at the root, in every edition's language. Hosts serve it for a missing page at
     * any depth, so with a base URL its links are made absolute; without one they stay
     * relative to the root, which is right where the host serves it from the root and from disk.
     */
    private void notFound(PageJobs sink, SiteView view) throws IOException, RenderException {
        String ed = config.defaultLanguage();
        List<Map<String, String>> notices = new ArrayList<>();
        for (String e : config.languages()) {
            notices.add(Map.of("lang", e, "title", messages.get(e, "notfound.title"), "text", messages.get(e, "notfound.text"),
                    "home", messages.get(e, "notfound.home"), "url", links.relative("404.html", Links.home(e, 1))));
        }
        byte[] html = run("404.ftlh", model("404.html", ed, pageMap(view.pageInfo(ed, "404", "404.html", messages.get(ed, "notfound.title"),
                messages.get(ed, "notfound.text"), ed, List.of())), Map.of("notices", notices)));
        if (!links.hasBase()) {
            sink.submit("404.html", () -> html);
            return;
        }
        org.jsoup.nodes.Document doc = Jsoup.parse(new String(html, StandardCharsets.UTF_8), links.absolute(""));
        doc.outputSettings().prettyPrint(false);
        for (org.jsoup.nodes.Element e : doc.select("[href], [src]")) {
            String attr = e.hasAttr("href") ? "href" : "src";
            if (!e.attr(attr).startsWith("#")) e.attr(attr, e.absUrl(attr));
        }
        String absolute = doc.outerHtml();
        sink.submit("404.html", () -> utf8(absolute));
    }

    /**
     * A page's facts as the templates' {@code page} map. Made only for a page that is rendered,
     * on its render thread: a kept page needs none of its links.
     */
    private Map<String, Object> pageMap(PageInfo p) {
        String path = p.path(), ed = p.ed();
        Map<String, Object> m = new HashMap<>();
        m.put("kind", p.kind());
        m.put("title", p.title());
        m.put("description", p.description() == null ? "" : p.description());
        m.put("lang", p.lang());
        m.put("path", path);
        m.put("canonical", links.hasBase() ? links.absolute(path) : links.relative(path, path));
        m.put("absolute", links.hasBase());
        m.put("root", links.relative(path, ""));
        m.put("css", links.relative(path, "assets/style.css"));
        m.put("favicon", links.relative(path, "assets/favicon.svg"));
        m.put("script", links.relative(path, "assets/theme.js"));
        m.put("feed", links.relative(path, ed + "/feed.xml"));
        m.put("search", links.relative(path, ed + "/search/"));
        m.put("topics", links.relative(path, Links.topics(ed)));
        m.put("home", links.relative(path, Links.home(ed, 1)));
        m.put("entry", links.relative(path, ""));
        m.put("siteTitle", messages.get(ed, "site.title"));
        // alternates hold site paths; templates get href (absolute when there is a base URL, for
        // crawlers) and url (relative, for readers, so a portable site stays on disk)
        List<Map<String, String>> rel = new ArrayList<>();
        for (Map<String, String> alt : p.alternates()) {
            Map<String, String> r = new LinkedHashMap<>(alt);
            r.put("href", links.hasBase() ? links.absolute(alt.get("path")) : links.relative(path, alt.get("path")));
            r.put("url", links.relative(path, alt.get("path")));
            rel.add(r);
        }
        m.put("alternates", rel);
        return m;
    }

    /** A page in the sitemap: its site path and its alternates' ({@code hreflang}, {@code path}). */
    private record SitemapUrl(String path, List<Map<String, String>> alternates) {}

    /** A page's facts, as planned: see {@link #pageMap}. */
    private record PageInfo(String ed, String kind, String path, String title, String description, String lang,
                            List<Map<String, String>> alternates) {}

    /** What an article page and the search index need of its body. */
    private record Body(String html, SearchIndex.Doc doc, SearchIndex.Terms terms) {
        Body withoutHtml() {
            return html == null ? this : new Body(null, doc, terms);
        }
    }

    /**
     * An article's body: its page's HTML when {@code html} (a Markdown seed's), and its search
     * entry; any thread. A remembering renderer takes the entry from its last build when the
     * article's cleaned text is the same object and the rest of the entry is unchanged.
     */
    private Body body(Article a, boolean html, SearchIndex index, Taxonomy taxonomy, PageSink sink) {
        List<String> topics = new ArrayList<>();
        for (String key : a.topicKeys()) {
            Taxonomy.Topic t = taxonomy.topic(key);
            for (String e : config.languages()) topics.add(t == null ? key : t.label(e));
        }
        String ed = config.editionOf(a.lang());
        SearchIndex.Doc head = new SearchIndex.Doc(links.relative("", Links.article(ed, a.slug())), a.lang(), ed,
                a.date() == null ? null : a.date().toString(), a.title(), topics, null);
        Body known = remembered == null ? null : remembered.get(a.cleaned());
        if (known != null && !known.doc().withText(null).equals(head)) known = null;
        String markup = null, text = null;
        // a page kept as it was needs no body: the search entry's text and words may be in the sink
        SearchIndex.Analysed recalled = known == null && !html ? recall(sink, a) : null;
        if (recalled != null) text = recalled.text();
        // the body is unpacked only when the page or the search entry needs it
        String source = html || known == null && text == null ? a.cleaned().markdown() : null;
        if (source != null) {
            Document md = MARKDOWN.parse(source);
            if (html) markup = safeHtml(html(md));
            if (known == null) text = new TextCollectingVisitor().collectAndGetText(md);
        } else if (known == null && text == null) {
            text = String.join("\n", a.cleaned().paragraphs());
        }
        SearchIndex.Doc doc = known != null ? known.doc() : head.withText(text);
        SearchIndex.Terms terms;
        if (known != null) {
            terms = known.terms();
        } else if (recalled != null && recalled.fits(head)) {
            terms = recalled.terms();
        } else {
            terms = index.terms(doc);
            byte[] analysed = new SearchIndex.Analysed(text, head.title(), topics, terms).bytes();
            if (analysed != null) sink.remember(a, analysed);
        }
        Body body = new Body(markup, doc, terms);
        if (rememberedNow != null) rememberedNow.put(a.cleaned(), body.withoutHtml());
        return body;
    }

    private static SearchIndex.Analysed recall(PageSink sink, Article a) {
        byte[] kept = sink.recall(a);
        return kept == null ? null : SearchIndex.Analysed.of(kept);
    }

    /** A search page per edition, reading the index in search/. */
    private void searchPages(PageJobs sink, Input in, SiteView view) throws IOException, RenderException {
        Set<String> langs = new HashSet<>();
        for (Article a : in.articles()) langs.add(a.lang());
        for (String ed : config.languages()) {
            String path = ed + "/search/";
            Map<String, String> names = new java.util.TreeMap<>();
            for (String lang : langs) names.put(lang, messages.languageName(ed, lang));
            Map<String, Object> search = new HashMap<>();
            search.put("index", links.relative(path, "search/index.js").replace("index.js", ""));
            search.put("root", links.relative(path, "").replace("index.html", ""));
            search.put("script", links.relative(path, "assets/search.js"));
            search.put("langs", JSON.writeValueAsString(names));
            page(sink, path, "search.ftlh", ed, view.pageInfo(ed, "search", path, messages.get(ed, "search.title"),
                    messages.get(ed, "search.title"), ed, view.editionAlternates(e -> e + "/search/")), Map.of("search", search));
        }
    }

    private List<Article> page(List<Article> list, int p) {
        int from = (p - 1) * config.pageSize();
        return list.subList(Math.min(from, list.size()), Math.min(from + config.pageSize(), list.size()));
    }

    /** A theme asset: the site's override, else its theme folder, else the built-in theme, else the base theme. */
    private String asset(String name) throws IOException {
        if (siteTemplates != null) {
            for (Path p : List.of(siteTemplates.resolve("static").resolve(name), siteTemplates.resolve(theme).resolve("static").resolve(name))) {
                if (Files.isRegularFile(p)) return Files.readString(p, StandardCharsets.UTF_8);
            }
        }
        for (String t : builtIn) {
            try (InputStream in = Renderer.class.getResourceAsStream("/templates/" + t + "/static/" + name)) {
                if (in != null) return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private void feed(PageJobs sink, String ed, String path, String title, String htmlPath, List<Article> list,
                      SiteView view) throws IOException, RenderException {
        if (sink.keep(path, inputs(list.subList(0, Math.min(20, list.size())), "feed", title, htmlPath))) return;
        Map<String, Object> data = new HashMap<>();
        data.put("title", title);
        data.put("lang", ed);
        data.put("id", links.hasBase() ? links.absolute(path) : "urn:uuid:" + UUID.nameUUIDFromBytes(path.getBytes(StandardCharsets.UTF_8)));
        data.put("self", links.hasBase() ? links.absolute(path) : links.relative(path, path));
        data.put("alternate", links.hasBase() ? links.absolute(htmlPath) : links.relative(path, htmlPath));
        List<Map<String, Object>> entries = new ArrayList<>();
        String updated = "1970-01-01T00:00:00Z";
        for (Article a : list.subList(0, Math.min(20, list.size()))) {
            String ap = Links.article(config.editionOf(a.lang()), a.slug());
            Map<String, Object> e = new HashMap<>();
            e.put("title", a.title());
            e.put("lang", a.lang());
            e.put("id", links.hasBase() ? links.absolute(ap) : "urn:uuid:" + UUID.nameUUIDFromBytes(a.id().getBytes(StandardCharsets.UTF_8)));
            e.put("link", links.hasBase() ? links.absolute(ap) : links.relative(path, ap));
            String date = (a.date() == null ? "1970-01-01" : a.date().toString()) + "T00:00:00Z";
            if (date.compareTo(updated) > 0) updated = date;
            e.put("updated", date);
            e.put("summary", a.summary());
            e.put("author", a.cleaned().author() != null ? a.cleaned().author()
                    : a.cleaned().publication() != null ? a.cleaned().publication() : messages.get(ed, "site.title"));
            entries.add(e);
        }
        data.put("updated", updated);
        data.put("entries", entries);
        sink.submit(path, () -> run("feed.ftlx", data));
    }

    private void page(PageJobs sink, String path, String template, String ed, PageInfo pageInfo,
                      Map<String, Object> data) throws IOException, RenderException {
        page(sink, path, template, ed, pageInfo, () -> data);
    }

    /** Submits a page; {@code data} is built on a render thread, so it must only read the site. */
    private void page(PageJobs sink, String path, String template, String ed, PageInfo pageInfo,
                      java.util.function.Supplier<Map<String, Object>> data) throws IOException, RenderException {
        sink.submit(Links.file(path), () -> run(template, model(path, ed, pageMap(pageInfo), data.get())));
    }

    private Map<String, Object> model(String path, String ed, Map<String, Object> pageInfo, Map<String, Object> data) {
        Map<String, Object> model = new HashMap<>(data);
        model.put("page", pageInfo);
        model.put("ed", ed);
        model.put("t", (TemplateMethodModelEx) args -> {
            if (args.isEmpty()) throw new TemplateModelException("t() needs a message key");
            Object[] rest = new Object[args.size() - 1];
            for (int i = 1; i < args.size(); i++) rest[i - 1] = String.valueOf(args.get(i));
            return messages.get(ed, String.valueOf(args.get(0)), rest);
        });
        model.put("link", (TemplateMethodModelEx) args -> links.relative(path, String.valueOf(args.get(0))));
        model.put("editions", editions(ed, path));
        return model;
    }

    private List<Map<String, Object>> editions(String current, String from) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String e : config.languages()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lang", e);
            m.put("name", messages.get(e, "edition.name"));
            m.put("short", messages.get(e, "edition.short"));
            m.put("url", links.relative(from, Links.home(e, 1)));
            m.put("current", e.equals(current));
            out.add(m);
        }
        return out;
    }

    private byte[] run(String template, Map<String, Object> model) throws RenderException, IOException {
        Template t;
        try {
            t = fm.getTemplate(template);
        } catch (TemplateNotFoundException e) {
            throw new RenderException("template " + template + " not found in the site's templates/, templates/" + theme
                    + "/ or the built-in theme; add it or choose another theme", e);
        } catch (ParseException e) {
            throw new RenderException(e.getTemplateName() + ":" + e.getLineNumber() + ":" + e.getColumnNumber()
                    + ": template syntax error (" + firstLine(e.getEditorMessage()) + "); fix the template", e);
        }
        Utf8Writer out = new Utf8Writer(16384);
        try {
            t.process(model, out);
        } catch (TemplateException e) {
            String where = e.getTemplateSourceName() == null ? template
                    : e.getTemplateSourceName() + ":" + e.getLineNumber() + ":" + e.getColumnNumber();
            throw new RenderException(where + ": template error (" + firstLine(e.getMessageWithoutStackTop())
                    + "); fix the template", e);
        }
        return out.toByteArray();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean plain(String html) {
        for (int i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
            int end = html.indexOf('>', i);
            if (end < 0) return false;
            boolean closing = html.charAt(i + 1) == '/';
            String tag = html.substring(closing ? i + 2 : i + 1, end);
            if (!PLAIN.contains(tag) && !(closing ? tag.equals("a") : webLink(tag))) return false;
        }
        return true;
    }

    /** {@code a href="http(s)://..."} and nothing else: a link the safelist keeps as it is. */
    private static boolean webLink(String tag) {
        return (tag.startsWith("a href=\"https://") || tag.startsWith("a href=\"http://"))
                && tag.indexOf('"', 8) == tag.length() - 1;
    }

    /** Flexmark's HTML of a Markdown body: the short way where it can tell, else Flexmark's renderer. */
    private static String html(Document md) {
        String fast = MarkdownHtml.render(md);
        return fast != null ? fast : MARKDOWN_HTML.render(md);
    }

    private static String firstLine(String s) {
        if (s == null) return "unknown";
        String l = s.strip().split("\n")[0];
        return l.length() > 200 ? l.substring(0, 200) + "…" : l;
    }

    /**
     * Flexmark's HTML with everything not on the safelist removed. HTML made only of tags
     * without attributes from {@link #PLAIN} and of web links is safe as it is (Flexmark
     * escapes text), and most articles are just that, so Jsoup's cleaner runs only on the others.
     */
    static String safeHtml(String html) {
        if (plain(html)) return html;
        org.jsoup.nodes.Document clean = new Cleaner(SAFE).clean(Jsoup.parseBodyFragment(html));
        // pretty-printing re-indents every page for nothing and costs as much as the cleaning
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }

    /** Builds the maps templates see: a narrow view of the model, documented in templates/README.md. */
    private final class SiteView {
        private final Input in;
        private final Map<String, Article> byId;
        private final Map<String, Parallel> parallelOf;
        private final List<SitemapUrl> sitemap = new ArrayList<>();

        SiteView(Input in, Map<String, Article> byId, Map<String, Parallel> parallelOf) {
            this.in = in;
            this.byId = byId;
            this.parallelOf = parallelOf;
        }

        int pages(List<Article> list) {
            return Math.max(1, (list.size() + config.pageSize() - 1) / config.pageSize());
        }

        Map<String, List<Article>> byTopic() {
            Map<String, List<Article>> m = new HashMap<>();
            for (Article a : in.articles()) for (String t : a.topicKeys()) m.computeIfAbsent(t, k -> new ArrayList<>()).add(a);
            return m;
        }

        /**
         * What a page is, for the templates' {@code page}; the page joins the sitemap here, on the
         * thread that plans the site, so the sitemap's order is the site's.
         */
        PageInfo pageInfo(String ed, String kind, String path, String title, String description, String lang,
                          List<Map<String, String>> alternates) {
            if (!kind.equals("404") && !kind.equals("search")) sitemap.add(new SitemapUrl(path, alternates));
            return new PageInfo(ed, kind, path, title, description, lang, alternates);
        }

        /** Every page's entry of the sitemap, as the page's URLs in the templates' terms. */
        List<Map<String, Object>> sitemap() {
            return new java.util.AbstractList<>() {
                @Override
                public Map<String, Object> get(int i) {
                    SitemapUrl u = sitemap.get(i);
                    List<Map<String, String>> alts = new ArrayList<>();
                    for (Map<String, String> alt : u.alternates()) {
                        alts.add(Map.of("hreflang", alt.get("hreflang"), "href", url(alt.get("path"))));
                    }
                    return Map.of("loc", url(u.path()), "alternates", alts);
                }

                @Override
                public int size() {
                    return sitemap.size();
                }
            };
        }

        /**
         * A digest of what the sitemap shows, fed a page at a time: its text for 20,000 pages was
         * megabytes made (and hashed whole) every build, arrays so large that each set off a
         * collection in {@code watch}.
         */
        String sitemapDigest() {
            java.security.MessageDigest md;
            try {
                md = java.security.MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            StringBuilder sb = new StringBuilder();
            for (SitemapUrl u : sitemap) {
                sb.setLength(0);
                sb.append(u.path());
                for (Map<String, String> alt : u.alternates()) sb.append('\t').append(alt.get("hreflang")).append(' ').append(alt.get("path"));
                sb.append('\n');
                md.update(sb.toString().getBytes(StandardCharsets.UTF_8));
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        }

        private String url(String path) {
            return links.hasBase() ? links.absolute(path) : path;
        }

        /** hreflang alternates of a page that exists in every edition; empty below two editions. */
        List<Map<String, String>> editionAlternates(java.util.function.Function<String, String> pathOf) {
            if (config.languages().size() < 2) return List.of();
            List<Map<String, String>> out = new ArrayList<>();
            for (String e : config.languages()) out.add(alt(e, pathOf.apply(e)));
            out.add(alt("x-default", pathOf.apply(config.defaultLanguage())));
            return out;
        }

        List<Map<String, String>> articleAlternates(Article a) {
            if (a.translations().isEmpty()) return List.of();
            List<Map<String, String>> out = new ArrayList<>();
            out.add(alt(a.lang(), Links.article(config.editionOf(a.lang()), a.slug())));
            String xDefault = a.lang().equals(config.defaultLanguage()) ? Links.article(config.editionOf(a.lang()), a.slug()) : null;
            for (String id : a.translations()) {
                Article t = byId.get(id);
                String p = Links.article(config.editionOf(t.lang()), t.slug());
                out.add(alt(t.lang(), p));
                if (t.lang().equals(config.defaultLanguage())) xDefault = p;
            }
            out.add(alt("x-default", xDefault != null ? xDefault : out.get(0).get("path")));
            return out;
        }

        List<Map<String, String>> parallelAlternates(Parallel p) {
            List<Map<String, String>> out = new ArrayList<>();
            String xDefault = null;
            for (String id : List.of(p.left(), p.right())) {
                Article a = byId.get(id);
                String ed = config.editionOf(a.lang());
                if (!ed.equals(a.lang())) continue;
                out.add(alt(a.lang(), Links.parallel(ed, a.slug())));
                if (a.lang().equals(config.defaultLanguage())) xDefault = Links.parallel(ed, a.slug());
            }
            if (out.size() < 2) return List.of();
            out.add(alt("x-default", xDefault != null ? xDefault : out.get(0).get("path")));
            return out;
        }

        /** Read by name only; the sitemap holds one per alternate of every page, so the small immutable map. */
        private Map<String, String> alt(String hreflang, String path) {
            return Map.of("hreflang", hreflang, "path", path);
        }

        List<Map<String, Object>> cards(String ed, String from, List<Article> list) {
            List<Map<String, Object>> out = new ArrayList<>();
            Map<String, Map<String, Object>> topicRefs = new HashMap<>();
            for (Article a : list) out.add(card(ed, from, a, topicRefs));
            return out;
        }

        /**
         * An article's card on the page at {@code from}. {@code topicRefs} holds the page's topic
         * links made so far, by key: most cards of a page share their topics, whose links were
         * made again for every card.
         */
        Map<String, Object> card(String ed, String from, Article a, Map<String, Map<String, Object>> topicRefs) {
            Map<String, Object> m = new HashMap<>();
            m.put("title", a.title());
            m.put("url", links.relative(from, Links.article(config.editionOf(a.lang()), a.slug())));
            m.put("lang", a.lang());
            m.put("foreign", !a.lang().equals(ed));
            m.put("langName", messages.languageName(ed, a.lang()));
            m.put("date", a.date() == null ? "" : messages.formatDate(ed, a.date()));
            m.put("dateIso", a.date() == null ? "" : a.date().toString());
            m.put("summary", a.summary());
            m.put("publication", a.cleaned().publication() == null ? "" : a.cleaned().publication());
            List<Map<String, Object>> topics = new ArrayList<>();
            for (String t : a.topicKeys()) topics.add(topicRefs.computeIfAbsent(t, k -> topicRef(ed, from, k, -1)));
            m.put("topics", topics);
            return m;
        }

        Map<String, Object> topicRef(String ed, String from, String key, int count) {
            Taxonomy.Topic t = in.taxonomy().topic(key);
            Map<String, Object> m = new HashMap<>();
            m.put("key", key);
            m.put("label", t == null ? key : t.label(ed));
            m.put("url", links.relative(from, Links.topic(ed, key, 1)));
            m.put("count", count);
            return m;
        }

        List<Map<String, Object>> topicGroups(String ed, String from, Map<String, List<Article>> byTopic) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (String g : in.taxonomy().groups().keySet()) {
                List<Map<String, Object>> topics = new ArrayList<>();
                for (Taxonomy.Topic t : in.taxonomy().topics()) {
                    int n = byTopic.getOrDefault(t.key(), List.of()).size();
                    if (t.group().equals(g) && n > 0) topics.add(topicRef(ed, from, t.key(), n));
                }
                if (topics.isEmpty()) continue;
                Map<String, Object> m = new HashMap<>();
                m.put("key", g);
                m.put("label", in.taxonomy().groupLabel(g, ed));
                m.put("topics", topics);
                out.add(m);
            }
            return out;
        }

        Map<String, Object> pagination(String ed, String from, int page, int pages, java.util.function.IntFunction<String> pathOf) {
            Map<String, Object> m = new HashMap<>();
            m.put("page", page);
            m.put("pages", pages);
            m.put("label", messages.get(ed, "list.page", page, pages));
            m.put("previous", page > 1 ? links.relative(from, pathOf.apply(page - 1)) : "");
            m.put("next", page < pages ? links.relative(from, pathOf.apply(page + 1)) : "");
            return m;
        }

        Map<String, Object> article(String ed, String path, Article a, String html) {
            Map<String, Map<String, Object>> topicRefs = new HashMap<>();
            Map<String, Object> m = card(ed, path, a, topicRefs);
            m.put("titleStated", a.titleStated());
            m.put("author", a.cleaned().author() == null ? "" : a.cleaned().author());
            m.put("sourceUrl", a.cleaned().sourceUrl() == null ? "" : safeUrl(a.cleaned().sourceUrl()));
            // a Markdown seed's page shows its HTML, the others' their blocks
            List<Map<String, String>> blocks = new ArrayList<>();
            for (Block b : html != null ? List.<Block>of() : a.cleaned().blocks()) {
                blocks.add(Map.of("kind", b.kind().name().toLowerCase(java.util.Locale.ROOT), "text", b.text()));
            }
            m.put("blocks", blocks);
            m.put("html", html == null ? "" : html);
            m.put("translations", refs(ed, path, a.translations(), topicRefs));
            m.put("sameEvent", refs(ed, path, a.sameEvent(), topicRefs));
            m.put("related", refs(ed, path, a.related(), topicRefs));
            Parallel p = parallelOf.get(a.id());
            m.put("parallel", p != null && ed.equals(a.lang()) ? links.relative(path, Links.parallel(ed, a.slug())) : "");
            // editions this article has no counterpart in: a note for their readers, in their language
            List<Map<String, String>> missing = new ArrayList<>();
            for (String e : config.languages()) {
                if (e.equals(a.lang())) continue;
                boolean has = a.translations().stream().anyMatch(id -> byId.get(id).lang().equals(e));
                if (!has) missing.add(Map.of("lang", e, "text", messages.get(e, "article.no_translation")));
            }
            m.put("untranslated", missing);
            return m;
        }

        /** Everything an article page shows besides settings: the article, those it links to, its parallel view. */
        List<Object> inputs(Article a) {
            List<Object> out = new ArrayList<>();
            out.add(a);
            for (List<String> ids : List.of(a.translations(), a.sameEvent(), a.related())) {
                for (String id : ids) if (byId.containsKey(id)) out.add(byId.get(id));
            }
            if (parallelOf.containsKey(a.id())) out.add(parallelOf.get(a.id()));
            return out;
        }

        private List<Map<String, Object>> refs(String ed, String from, List<String> ids, Map<String, Map<String, Object>> topicRefs) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (String id : ids) {
                Article a = byId.get(id);
                if (a != null) out.add(card(ed, from, a, topicRefs));
            }
            return out;
        }

        Map<String, Object> parallel(String ed, String path, Parallel p, boolean ownIsLeft) {
            Article own = byId.get(ownIsLeft ? p.left() : p.right());
            Article other = byId.get(ownIsLeft ? p.right() : p.left());
            List<String> ownParas = own.cleaned().paragraphs(), otherParas = other.cleaned().paragraphs();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Parallel.Row r : p.rows()) {
                List<Integer> mine = ownIsLeft ? r.left() : r.right(), theirs = ownIsLeft ? r.right() : r.left();
                Map<String, Object> row = new HashMap<>();
                row.put("left", mine.stream().map(ownParas::get).toList());
                row.put("right", theirs.stream().map(otherParas::get).toList());
                rows.add(row);
            }
            Map<String, Object> m = new HashMap<>();
            Map<String, Map<String, Object>> topicRefs = new HashMap<>();
            m.put("left", card(ed, path, own, topicRefs));
            m.put("right", card(ed, path, other, topicRefs));
            m.put("rows", rows);
            return m;
        }

        String jsonLd(String path, Article a) {
            ObjectNode n = JSON.createObjectNode();
            n.put("@context", "https://schema.org");
            n.put("@type", "NewsArticle");
            n.put("headline", a.title());
            n.put("inLanguage", a.lang());
            if (a.date() != null) n.put("datePublished", a.date().toString());
            if (a.summary() != null) n.put("description", a.summary());
            if (links.hasBase()) n.put("url", links.absolute(path));
            if (a.cleaned().author() != null) n.putObject("author").put("@type", "Person").put("name", a.cleaned().author());
            ObjectNode pub = n.putObject("publisher");
            pub.put("@type", "Organization");
            pub.put("name", a.cleaned().publication() != null ? a.cleaned().publication() : messages.get(config.defaultLanguage(), "site.title"));
            String source = a.cleaned().sourceUrl() == null ? "" : safeUrl(a.cleaned().sourceUrl());
            if (!source.isEmpty()) n.put("isBasedOn", source);
            if (!a.translations().isEmpty()) {
                // the default language's version is the work; the others are its translations
                boolean original = a.lang().equals(config.defaultLanguage());
                ArrayNode arr = n.putArray(original ? "workTranslation" : "translationOfWork");
                for (String id : a.translations()) {
                    Article t = byId.get(id);
                    ObjectNode o = arr.addObject();
                    o.put("@type", "NewsArticle");
                    o.put("inLanguage", t.lang());
                    o.put("headline", t.title());
                    String tp = Links.article(config.editionOf(t.lang()), t.slug());
                    o.put("url", links.hasBase() ? links.absolute(tp) : links.relative(path, tp));
                }
            }
            // no '<' at all, so seed text such as "<script>" never appears as markup, even inside the JSON
            return n.toString().replace("<", "\\u003c");
        }
    }

    /** Only web links reach a page; anything else (javascript:, data:, file paths) is dropped. */
    static String safeUrl(String url) {
        String u = url.strip();
        return u.regionMatches(true, 0, "http://", 0, 7) || u.regionMatches(true, 0, "https://", 0, 8) ? u : "";
    }
}
