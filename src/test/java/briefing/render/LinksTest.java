package briefing.render;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class LinksTest {
    @Test
    void linksAreRelative() {
        Links l = new Links(false, null);
        assertEquals("../../topics/us/", l.relative("en/articles/x/", "en/topics/us/"));
        assertEquals("../../../vi/", l.relative("en/articles/x/", "vi/"));
        assertEquals("../../../assets/style.css", l.relative("en/articles/x/", "assets/style.css"));
        assertEquals("en/", l.relative("", "en/"));
        assertEquals("./", l.relative("en/", "en/"));
        assertEquals("../", l.relative("en/", ""));
    }

    @Test
    void portableLinksNameTheIndexFile() {
        Links l = new Links(true, null);
        assertEquals("../../topics/us/index.html", l.relative("en/articles/x/", "en/topics/us/"));
        assertEquals("../index.html", l.relative("en/", ""));
    }
}
