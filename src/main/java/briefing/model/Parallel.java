package briefing.model;

import java.util.List;

/**
 * Two translations aligned paragraph by paragraph, for the side-by-side view. Each row
 * holds indexes into each article's paragraph list (0, 1 or 2 on a side; an empty side is
 * a paragraph with no partner).
 */
public record Parallel(String left, String right, List<Row> rows) {
    public record Row(List<Integer> left, List<Integer> right) {}
}
