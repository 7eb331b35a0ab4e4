package briefing.enrich;

import briefing.model.Parallel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Aligns the paragraphs of two translations in the manner of Gale and Church: dynamic
 * programming over 1–1, 1–0, 0–1, 2–1 and 1–2 steps, each costed by how far the length
 * ratio strays from the texts' overall ratio, and made cheaper by numbers and names the
 * two sides share (anchors). Linear in the product of the paragraph counts, which are small.
 */
final class Aligner {
    private static final double SKIP = 3.0;
    private static final double MERGE = 1.0;
    private static final double LENGTH = 3.0;

    private Aligner() {}

    static Parallel align(String leftId, List<String> left, String rightId, List<String> right) {
        int n = left.size(), m = right.size();
        Side l = new Side(left), r = new Side(right);
        double ratio = Math.max(1, l.offset[n]) / (double) Math.max(1, r.offset[m]);
        double[][] cost = new double[n + 1][m + 1];
        int[][] step = new int[n + 1][m + 1];
        for (double[] row : cost) java.util.Arrays.fill(row, Double.MAX_VALUE);
        cost[0][0] = 0;
        int[][] moves = {{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}};
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= m; j++) {
                if (i == 0 && j == 0) continue;
                for (int k = 0; k < moves.length; k++) {
                    int di = moves[k][0], dj = moves[k][1];
                    if (i < di || j < dj || cost[i - di][j - dj] == Double.MAX_VALUE) continue;
                    double c = cost[i - di][j - dj] + stepCost(l, r, i - di, di, j - dj, dj, ratio);
                    if (c < cost[i][j]) {
                        cost[i][j] = c;
                        step[i][j] = k;
                    }
                }
            }
        }
        List<Parallel.Row> rows = new ArrayList<>();
        int i = n, j = m;
        while (i > 0 || j > 0) {
            int di = moves[step[i][j]][0], dj = moves[step[i][j]][1];
            List<Integer> li = new ArrayList<>(), ri = new ArrayList<>();
            for (int x = i - di; x < i; x++) li.add(x);
            for (int y = j - dj; y < j; y++) ri.add(y);
            rows.add(new Parallel.Row(List.copyOf(li), List.copyOf(ri)));
            i -= di;
            j -= dj;
        }
        Collections.reverse(rows);
        return new Parallel(leftId, rightId, List.copyOf(rows));
    }

    /**
     * One side's paragraphs as the steps read them, computed once rather than at every step:
     * lengths as running totals, each paragraph's anchors, and each two neighbours' together.
     */
    private static final class Side {
        /** {@code offset[x]}: the length of the paragraphs before x. */
        final int[] offset;
        final List<Set<String>> features = new ArrayList<>();
        /** {@code pairs.get(x)}: the anchors of paragraphs x and x + 1. */
        final List<Set<String>> pairs = new ArrayList<>();

        Side(List<String> paragraphs) {
            offset = new int[paragraphs.size() + 1];
            for (int x = 0; x < paragraphs.size(); x++) {
                offset[x + 1] = offset[x] + paragraphs.get(x).length();
                features.add(Evidence.of(List.of(paragraphs.get(x))).features());
            }
            for (int x = 0; x + 1 < features.size(); x++) {
                Set<String> both = new HashSet<>(features.get(x));
                both.addAll(features.get(x + 1));
                pairs.add(both);
            }
        }

        /** The anchors of {@code count} (1 or 2) paragraphs from {@code x}. */
        Set<String> anchors(int x, int count) {
            return count == 1 ? features.get(x) : pairs.get(x);
        }
    }

    private static double stepCost(Side left, Side right, int i, int di, int j, int dj, double ratio) {
        if (di == 0 || dj == 0) return SKIP;
        int ll = left.offset[i + di] - left.offset[i], rl = right.offset[j + dj] - right.offset[j];
        Set<String> a = left.anchors(i, di), b = right.anchors(j, dj);
        // as in Gale and Church, a length that strays far from the expected one costs more than
        // skipping: a paragraph twice too long is not a translation of its neighbour
        double c = LENGTH * Math.abs(Math.log((ll + 20.0) / ((rl + 20.0) * ratio)));
        if (di + dj == 3) {
            c += MERGE;
            // a merged paragraph with numbers or names of its own, none found across, has no partner there
            if (strayAnchors(left.features, i, di, b) || strayAnchors(right.features, j, dj, a)) c += SKIP;
        }
        int union = a.size() + b.size();
        if (union > 0) c -= 1.5 * (2.0 * shared(a, b) / union); // shared numbers and names anchor the pair
        else c -= 0.1;
        return c + 1.0; // every row costs something, so merges only win when they fit better
    }

    private static int shared(Set<String> a, Set<String> b) {
        if (a.size() > b.size()) return shared(b, a);
        int n = 0;
        for (String f : a) if (b.contains(f)) n++;
        return n;
    }

    private static boolean strayAnchors(List<Set<String>> features, int from, int count, Set<String> across) {
        for (int x = from; x < from + count; x++) {
            if (!features.get(x).isEmpty() && Collections.disjoint(features.get(x), across)) return true;
        }
        return false;
    }
}
