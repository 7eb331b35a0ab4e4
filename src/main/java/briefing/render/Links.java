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
        String fromDir = from.endsWith("/") || from.isEmpty() ? from : from.substring(0, from.lastIndexOf('/') + 1);
        String[] a = fromDir.isEmpty() ? new String[0] : fromDir.split("/");
        String[] b = to.split("/", -1);
        int common = 0;
        while (common < a.length && common < b.length - 1 && a[common].equals(b[common])) common++;
        StringBuilder sb = new StringBuilder();
        for (int i = common; i < a.length; i++) sb.append("../");
        for (int i = common; i < b.length; i++) {
            sb.append(b[i]);
            if (i < b.length - 1) sb.append('/');
        }
        String s = sb.toString();
        if (portable && (s.isEmpty() || s.endsWith("/"))) s += "index.html";
        return s.isEmpty() ? "./" : s;
    }
}
