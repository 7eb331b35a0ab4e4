package briefing.render;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link Links#relative} compares paths in place; it must give the links the segment-splitting version gave. */
class LinksPropertiesTest {
    /** The previous implementation, by splitting both paths into segments. */
    static String bySegments(boolean portable, String from, String to) {
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

    @Property(tries = 3000)
    void sameLinksAsBySegments(@ForAll("paths") String from, @ForAll("paths") String to, @ForAll boolean portable) {
        assertEquals(bySegments(portable, from, to), new Links(portable, null).relative(from, to), from + " -> " + to);
    }

    /** Site paths: segments from a small alphabet (so prefixes like "en" and "env" meet), then a file, "" or nothing. */
    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> segment = Arbitraries.of("en", "env", "e", "vi", "articles", "article", "topics", "page", "2", "a-b");
        Arbitrary<String> dirs = segment.list().ofMaxSize(4).map(l -> l.isEmpty() ? "" : String.join("/", l) + "/");
        Arbitrary<String> leaf = Arbitraries.of("", "", "index.html", "feed.xml", "en", "404.html");
        return net.jqwik.api.Combinators.combine(dirs, leaf).as(String::concat);
    }
}
