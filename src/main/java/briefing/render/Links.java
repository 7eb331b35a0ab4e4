package briefing.render;

/**
 * Where each page lives inside the site, and relative links between pages, so the same
 * folder works at a domain's root, under a sub-path and from disk.
 */
final class Links {
    private final boolean portable;
    private final String baseUrl;

    Links(boolean portable, String baseUrl) {
        this.portable = portable;
        this.baseUrl = baseUrl == null || baseUrl.isBlank() ? null : (baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    }

    static String home(String ed, int page) {
        return ed + "/" + (page > 1 ? "page/" + page + "/" : "");
    }

    static String article(String ed, String slug) {
        return ed + "/articles/" + slug + "/";
    }

    static String parallel(String ed, String slug) {
        return ed + "/parallel/" + slug + "/";
    }

    static String topics(String ed) {
        return ed + "/topics/";
    }

    static String topic(String ed, String key, int page) {
        return ed + "/topics/" + key + "/" + (page > 1 ? "page/" + page + "/" : "");
    }

    /** The file a site path is written to: directories get their {@code index.html}. */
    static String file(String path) {
        return path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
    }

    /** The absolute URL of a site path, or null without a base URL. */
    String absolute(String path) {
        return baseUrl == null ? null : baseUrl + path;
    }

    boolean hasBase() {
        return baseUrl != null;
    }

    /** A relative link from the page at {@code from} to the site path {@code to}. */
    String relative(String from, String to) {
        // every page makes dozens of links: the folders the two paths share are compared in place,
        // a whole segment at a time, and the link is made of two pieces, not char by char
        int toDir = to.lastIndexOf('/') + 1;
        int common = 0;
        for (int end = from.indexOf('/'); end >= 0 && end < toDir && to.regionMatches(common, from, common, end + 1 - common);
             end = from.indexOf('/', end + 1)) {
            common = end + 1;
        }
        int up = 0;
        for (int i = from.indexOf('/', common); i >= 0; i = from.indexOf('/', i + 1)) up++;
        String s = "../".repeat(up) + to.substring(common);
        if (portable && (s.isEmpty() || s.endsWith("/"))) s += "index.html";
        return s.isEmpty() ? "./" : s;
    }
}
