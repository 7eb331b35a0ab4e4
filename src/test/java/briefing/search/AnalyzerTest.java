package briefing.search;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class AnalyzerTest {
    static List<String> folded(String text) {
        return Analyzer.words(text, Set.of()).stream().map(Analyzer::fold).toList();
    }

    @Test
    void vietnameseFoldsTheWayPeopleTypeWithoutDiacritics() {
        assertEquals(List.of("dong", "nam", "a"), folded("Đông Nam Á"));
        assertEquals(List.of("da", "nang"), folded("Đà Nẵng"));
        assertEquals(List.of("quan", "he", "viet", "my"), folded("quan hệ Việt - Mỹ"));
        assertEquals(List.of("nguoi", "uoc", "o"), folded("người ước ở"));
    }

    @Test
    void decomposedInputFoldsLikeComposed() {
        String nfd = java.text.Normalizer.normalize("Hà Nội", java.text.Normalizer.Form.NFD);
        assertEquals(List.of("ha", "noi"), folded(nfd));
        assertEquals(List.of("hà", "nội"), Analyzer.words(nfd, Set.of()));
    }

    @Test
    void punctuationNeverSticksToAWord() {
        assertEquals(List.of("hà", "nội", "ngày", "3", "1", "vietnam", "s", "hi", "tech"),
                Analyzer.words("Hà Nội, ngày 3/1: «Vietnam's» hi-tech…", Set.of()));
    }

    @Test
    void stopwordsAreLeftOut() {
        assertEquals(List.of("vietnam", "us"), folded("Vietnam and the US").stream()
                .filter(t -> !Set.of("and", "the").contains(t)).toList());
        assertEquals(List.of("vietnam", "us"), Analyzer.words("Vietnam and the US", Set.of("and", "the")).stream().map(Analyzer::fold).toList());
    }
}
