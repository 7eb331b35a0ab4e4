package briefing.render;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Markdown output reaches a page only through the safelist, whether or not Jsoup's cleaner runs. */
class SafeHtmlTest {
    @Test
    void plainMarkupAndWebLinksPassUnchanged() {
        String html = "<h2>Trade</h2>\n<p>Exports <em>rose</em> &amp; <strong>fell</strong>; <a href=\"https://example.org/a?b=1&amp;c=2\">source</a></p>\n"
                + "<ul>\n<li>one<br />\ntwo</li>\n</ul>\n";
        assertEquals(html, Renderer.safeHtml(html));
    }

    @Test
    void anythingElseIsCleaned() {
        String out = Renderer.safeHtml("<p onclick=\"steal()\">hi <a href=\"javascript:alert(1)\">x</a></p>\n"
                + "<script>alert(2)</script><img src=\"x\" onerror=\"alert(3)\"><hr />"
                + "<a href=\"https://example.org/\" onmouseover=\"alert(4)\">y</a>");
        assertFalse(out.contains("onclick") || out.contains("javascript:") || out.contains("<script")
                || out.contains("<img") || out.contains("onerror") || out.contains("onmouseover") || out.contains("<hr"), out);
        assertTrue(out.contains("hi") && out.contains("<a href=\"https://example.org/\">y</a>"), out);
    }

    @Test
    void aTagThatOnlyLooksPlainIsCleaned() {
        // a '>' inside an attribute ends the scan early: the tag is not plain, so Jsoup decides
        String out = Renderer.safeHtml("<p title=\"a>b\" onclick=\"x()\">text</p>");
        assertFalse(out.contains("onclick"), out);
    }
}
