package briefing.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serves the output folder on 127.0.0.1 for previewing: files with their content types,
 * folders by their {@code index.html}, the site's own {@code 404.html} for what is missing.
 * HTML responses get a small script that polls {@value #RELOAD} and reloads the tab when a
 * newer build is there; the files on disk are never changed.
 */
public final class PreviewServer implements AutoCloseable {
    static final String RELOAD = "/__reload";

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("htm", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"), Map.entry("xml", "application/xml; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"), Map.entry("woff", "font/woff"), Map.entry("webmanifest", "application/manifest+json"));

    private final Path root;
    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "preview");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong generation = new AtomicLong();

    private PreviewServer(Path root, HttpServer server) {
        this.root = root;
        this.server = server;
    }

    /** Starts serving {@code site} on 127.0.0.1; port 0 picks a free one. */
    public static PreviewServer start(Path site, int port) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        PreviewServer s = new PreviewServer(site.toAbsolutePath().normalize(), http);
        http.createContext("/", s::handle);
        http.setExecutor(s.pool);
        http.start();
        return s;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Tells open tabs that a new build is there. */
    public void reloaded() {
        generation.incrementAndGet();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                send(ex, 405, "text/plain; charset=utf-8", "method not allowed\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = ex.getRequestURI().getPath();
            if (path.equals(RELOAD)) {
                ex.getResponseHeaders().set("Cache-Control", "no-store");
                send(ex, 200, "text/plain; charset=utf-8", Long.toString(generation.get()).getBytes(StandardCharsets.UTF_8));
                return;
            }
            Path file = root.resolve(path.substring(1)).normalize();
            if (!file.startsWith(root) || path.contains("\0")) {
                notFound(ex);
                return;
            }
            if (Files.isDirectory(file)) {
                if (!path.endsWith("/")) {
                    ex.getResponseHeaders().set("Location", path + "/");
                    send(ex, 301, "text/plain; charset=utf-8", new byte[0]);
                    return;
                }
                file = file.resolve("index.html");
            }
            if (!Files.isRegularFile(file)) {
                notFound(ex);
                return;
            }
            serve(ex, 200, file, false);
        }
    }

    private void notFound(HttpExchange ex) throws IOException {
        Path page = root.resolve("404.html");
        if (Files.isRegularFile(page)) serve(ex, 404, page, true);
        else send(ex, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
    }

    /** @param fromRoot the page's relative links are written from the site's root (404.html), whatever path it answers */
    private void serve(HttpExchange ex, int status, Path file, boolean fromRoot) throws IOException {
        byte[] body;
        try {
            body = Files.readAllBytes(file);
        } catch (IOException e) {
            // the build swapped the folder while we read: the tab reloads when it is done
            send(ex, 503, "text/plain; charset=utf-8", "rebuilding, try again\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String name = file.getFileName().toString();
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        String type = TYPES.getOrDefault(ext, "application/octet-stream");
        if (type.startsWith("text/html")) {
            String html = new String(body, StandardCharsets.UTF_8);
            body = inject(fromRoot ? rooted(html) : html).getBytes(StandardCharsets.UTF_8);
        }
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        send(ex, status, type, body);
    }

    /**
     * The page with its relative links made absolute from the site's root. A static host serves
     * 404.html at the missing path, where only a base URL (baseUrl) keeps its links whole; the preview
     * can do better, so that it shows styled at any depth. Links within the page (#main) stay.
     */
    static String rooted(String html) {
        String root = "http://root/";
        org.jsoup.nodes.Document d = org.jsoup.Jsoup.parse(html, root);
        d.outputSettings().prettyPrint(false);
        for (org.jsoup.nodes.Element e : d.select("[href], [src]")) {
            for (String attr : new String[]{"href", "src"}) {
                String v = e.attr(attr);
                if (v.isEmpty() || v.startsWith("#") || v.startsWith("/") || v.contains(":")) continue;
                String abs = e.absUrl(attr); // against the page's own <base>, if it has one
                if (abs.startsWith(root)) e.attr(attr, abs.substring(root.length() - 1));
            }
        }
        return d.outerHtml();
    }

    /** The page with the live-reload script before its closing body tag. */
    String inject(String html) {
        String script = "<script>(function(){var g='" + generation.get() + "';setInterval(function(){fetch('" + RELOAD
                + "',{cache:'no-store'}).then(function(r){return r.text()}).then(function(t){if(t!==g)location.reload()})"
                + ".catch(function(){})},300)})();</script>";
        int at = html.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
        return at < 0 ? html + script : html.substring(0, at) + script + html.substring(at);
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
