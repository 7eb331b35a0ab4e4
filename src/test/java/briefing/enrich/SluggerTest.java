package briefing.enrich;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class SluggerTest {
    @Test
    void foldsVietnameseIncludingDStroke() {
        assertEquals("viet-nam-muon-tao-dot-pha-trong-quan-he-voi-my", Slugger.slug("Việt Nam muốn tạo đột phá trong quan hệ với Mỹ"));
        assertEquals("da-nang-dong-nam-a", Slugger.slug("Đà Nẵng, Đông Nam Á"));
    }

    @Test
    void foldsLettersWithoutDecomposition() {
        assertEquals("aussenminister-lodz", Slugger.slug("Außenminister Łódź"));
    }

    @Test
    void neverEmptyNeverAPathNeverReserved() {
        assertEquals("article", Slugger.slug("…!!"));
        assertEquals("article", Slugger.slug("中国"));
        assertEquals("etc-passwd", Slugger.slug("../../etc/passwd"));
        assertEquals("c-windows-system32", Slugger.slug("C:\\Windows\\System32"));
        assertEquals("con-article", Slugger.slug("CON"));
        assertEquals("topics-article", Slugger.slug("topics"));
    }
}
