package briefing.enrich;

import briefing.model.Parallel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class AlignerTest {
    private static List<List<List<Integer>>> rows(Parallel p) {
        return p.rows().stream().map(r -> List.of(r.left(), r.right())).toList();
    }

    @Test
    void oneToOneWhenLengthsAgree() {
        Parallel p = Aligner.align("en", List.of("First paragraph about 1,340 projects.", "Second one, on the $88 billion trade.",
                "Third: John Kerry spoke."), "vi", List.of("Đoạn một về 1.340 dự án.", "Đoạn hai, về 88 tỷ USD thương mại.",
                "Đoạn ba: John Kerry phát biểu."));
        assertEquals(List.of(List.of(List.of(0), List.of(0)), List.of(List.of(1), List.of(1)), List.of(List.of(2), List.of(2))), rows(p));
    }

    @Test
    void aParagraphWithoutPartnerStandsAlone() {
        String en = " The ministers also discussed training, supply chains and the schedule of further meetings in detail.";
        String vi = " Các bộ trưởng cũng thảo luận chi tiết về đào tạo, chuỗi cung ứng và lịch các cuộc gặp tiếp theo.";
        Parallel p = Aligner.align("en", List.of(
                "Trade reached 88 billion dollars, up 22 percent in 2023." + en,
                "Investment stood at 11.8 billion across 1,340 projects." + en,
                "Editor's note: an earlier version of this story gave 12 projects.",
                "John Kerry met Dan Sullivan in New York on the same day." + en,
                "Both sides agreed to meet again in 2025 in Hanoi." + en),
                "vi", List.of(
                "Thương mại đạt 88 tỷ USD, tăng 22% trong năm 2023." + vi,
                "Đầu tư đạt 11,8 tỷ USD với 1.340 dự án." + vi,
                "John Kerry gặp Dan Sullivan tại New York cùng ngày." + vi,
                "Hai bên nhất trí gặp lại vào năm 2025 tại Hà Nội." + vi));
        assertEquals(List.of(List.of(List.of(0), List.of(0)), List.of(List.of(1), List.of(1)), List.of(List.of(2), List.of()),
                List.of(List.of(3), List.of(2)), List.of(List.of(4), List.of(3))), rows(p));
    }

    @Test
    void aSplitParagraphIsMergedWhenItsHalvesShareTheAnchors() {
        Parallel p = Aligner.align("en", List.of(
                "Bilateral trade reached nearly 88 billion dollars in eight months, a 22% increase over 2023, while the US "
                        + "invested 11.8 billion in 1,340 projects.", "John Kerry met Dan Sullivan in New York."),
                "vi", List.of("Kim ngạch thương mại hai chiều đạt gần 88 tỷ USD trong tám tháng, tăng 22% so với năm 2023.",
                        "Mỹ đầu tư 11,8 tỷ USD vào 1.340 dự án.", "John Kerry gặp Dan Sullivan tại New York."));
        assertEquals(List.of(List.of(List.of(0), List.of(0, 1)), List.of(List.of(1), List.of(2))), rows(p));
    }
}
