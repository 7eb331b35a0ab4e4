package briefing.check;

import briefing.model.Problem;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks a built site: every internal link and asset in its pages, feeds and sitemap
 * resolves to a file; every page states its language; hreflang alternates point to pages
 * that link back; nothing links to a local file path or to localhost; XML files are
 * well-formed. Links that start with the site's base URL count as internal.
 */
public final class SiteChecker {
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final Pattern DRIVE = Pattern.compile("^[a-zA-Z]:[\\\\/].*");
    private static final Pattern LOCAL_DIRS = Pattern.compile("^/(home|Users|tmp|root|var|etc|mnt|opt|media|private)/.*");
    private static final Pattern LOCAL_HOSTS = Pattern.compile("localhost|127(\\.\\d+){3}|0\\.0\\.0\\.0|\\[?::1]?");
    private static final URI ROOT = URI.create("http://site.invalid/");

    /** What was checked and what was found, problems in file order. */
    public record Result(List<Problem> problems, int files, int links) {}

    private record Alternate(String hreflang, Path target, int line) {}

    private final Path site;
    private final String baseUrl;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<Path, List<Alternate>> alternates = new LinkedHashMap<>();
    private int links;

    /** @param baseUrl the URL the site is served from, or null to take it from the entry page's canonical link */
    public SiteChecker(Path site, String baseUrl) {
        this.site = site.toAbsolutePath().normalize();
        this.baseUrl = baseUrl;
    }

    public Result check() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(site)) {
            files = s.filter(Files::isRegularFile).filter(p -> !name(p).startsWith(".")).sorted().toList();
        }
        String base = base();
        int checked = 0;
        for (Path f : files) {
            String n = name(f);
            if (n.endsWith(".html")) html(f, base);
            else if (n.endsWith(".xml")) xml(f, base);
            else continue;
            checked++;
        }
        reciprocity();
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(java.util.Comparator.comparing(Problem::file).thenComparingInt(Problem::line));
        return new Result(List.copyOf(sorted), checked, links);
    }

    private String base() throws IOException {
        String b = baseUrl;
        Path entry = site.resolve("index.html");
        if (b == null && Files.isRegularFile(entry)) {
            Element canonical = Jsoup.parse(entry.toFile(), "UTF-8").selectFirst("link[rel=canonical]");
            String href = canonical == null ? "" : canonical.attr("href");
            if (href.startsWith("http://") || href.startsWith("https://")) b = href;
        }
        return b == null || b.isBlank() ? null : b.endsWith("/") ? b : b + "/";
    }

    private void html(Path f, String base) throws IOException {
        Document d = Jsoup.parse(Files.readString(f, StandardCharsets.UTF_8), "", Parser.htmlParser().setTrackPosition(true));
        Element html = d.selectFirst("html");
        if (html == null || html.attr("lang").isBlank()) {
            problem(f, 1, "page has no <html lang>", "state the page's language so readers and search engines know it");
        }
        List<Alternate> alts = new ArrayList<>();
        for (Element e : d.select("[href], [src]")) {
            int line = e.sourceRange().start().lineNumber();
            for (String attr : List.of("href", "src")) {
                if (!e.hasAttr(attr)) continue;
                Path target = link(f, line, e.attr(attr), base);
                if (e.normalName().equals("link") && e.attr("rel").equalsIgnoreCase("alternate") && e.hasAttr("hreflang")) {
                    alts.add(new Alternate(e.attr("hreflang"), target, line));
                }
            }
        }
        alternates.put(f, alts);
    }

    private void xml(Path f, String base) throws IOException {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.newSAXParser().parse(f.toFile(), new DefaultHandler() {
                private Locator locator;
                private StringBuilder loc;

                @Override
                public void setDocumentLocator(Locator l) {
                    locator = l;
                }

                @Override
                public void startElement(String uri, String local, String qName, Attributes atts) {
                    // Atom <link href>, sitemap <xhtml:link href>, and <loc> text
                    if (local.equals("link") && atts.getValue("href") != null) link(f, locator.getLineNumber(), atts.getValue("href"), base);
                    if (local.equals("loc")) loc = new StringBuilder();
                }

                @Override
                public void characters(char[] ch, int start, int length) {
                    if (loc != null) loc.append(ch, start, length);
                }

                @Override
                public void endElement(String uri, String local, String qName) {
                    if (local.equals("loc") && loc != null) {
                        link(f, locator.getLineNumber(), loc.toString().strip(), base);
                        loc = null;
                    }
                }
            });
        } catch (SAXParseException e) {
            problem(f, e.getLineNumber(), "not well-formed XML (" + e.getMessage() + ")", "fix the template that writes it");
        } catch (SAXException | ParserConfigurationException e) {
            problem(f, 0, "cannot read as XML (" + e.getMessage() + ")", "fix the template that writes it");
        }
    }

    /** Checks one link; returns the file it reaches inside the site, or null. */
    private Path link(Path from, int line, String raw, String base) {
        String url = raw.strip();
        if (url.isEmpty() || url.startsWith("#")) return null;
        links++;
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("file:") || DRIVE.matcher(url).matches() || url.startsWith("\\\\") || LOCAL_DIRS.matcher(url).matches()) {
            problem(from, line, "link '" + url + "' points to a local file path", "link to a page of the site instead");
            return null;
        }
        if (base != null && url.startsWith(base)) {
            url = "/" + url.substring(base.length());
        } else if (SCHEME.matcher(url).find() || url.startsWith("//")) {
            if (lower.startsWith("http:") || lower.startsWith("https:") || url.startsWith("//")) {
                String host = hostOf(url);
                if (host != null && LOCAL_HOSTS.matcher(host).matches()) {
                    problem(from, line, "link '" + url + "' points to " + host + ", which only the author's machine serves",
                            "set baseUrl to the public address or use a relative link");
                }
            }
            return null;
        } else if (url.startsWith("/")) {
            problem(from, line, "link '" + url + "' starts at the host's root and breaks when the site is served under a sub-path",
                    "use a relative link");
            return null;
        }
        URI target;
        try {
            target = url.startsWith("/") ? ROOT.resolve(url.substring(1)) : ROOT.resolve(rel(from)).resolve(url);
        } catch (IllegalArgumentException e) {
            problem(from, line, "link '" + url + "' is not a valid URL", "percent-encode spaces and special characters");
            return null;
        }
        String path = target.normalize().getPath();
        if (path == null || path.startsWith("/..") || !"site.invalid".equals(target.getHost())) {
            problem(from, line, "link '" + raw.strip() + "' leads outside the site", "link to a page inside the site");
            return null;
        }
        Path file = site.resolve(path.substring(1)).normalize();
        if (path.endsWith("/") || Files.isDirectory(file)) file = file.resolve("index.html");
        if (!file.startsWith(site) || !Files.isRegularFile(file)) {
            problem(from, line, "link '" + raw.strip() + "' is broken: " + rel(file) + " does not exist",
                    "rebuild the site, or fix or remove the link");
            return null;
        }
        return file;
    }

    /** Every hreflang alternate must be answered by one pointing back (x-default excepted). */
    private void reciprocity() {
        alternates.forEach((page, alts) -> {
            for (Alternate a : alts) {
                if (a.target() == null || a.target().equals(page) || a.hreflang().equalsIgnoreCase("x-default")) continue;
                boolean back = alternates.getOrDefault(a.target(), List.of()).stream().anyMatch(b -> page.equals(b.target()));
                if (!back) {
                    problem(page, a.line(), "hreflang '" + a.hreflang() + "' alternate " + rel(a.target())
                            + " does not list this page as its alternate", "give both pages the same set of alternates");
                }
            }
        });
    }

    private static String hostOf(String url) {
        try {
            return URI.create(url.startsWith("//") ? "http:" + url : url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String rel(Path file) {
        return site.relativize(file).toString().replace('\\', '/');
    }

    private static String name(Path p) {
        return p.getFileName().toString();
    }

    private void problem(Path file, int line, String message, String advice) {
        problems.add(Problem.error(rel(file), line, message, advice));
    }
}
