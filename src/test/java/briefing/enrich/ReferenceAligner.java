package briefing.enrich;

import briefing.model.Parallel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/** The implementation of {@link Aligner} that unions and measures the anchors at every step, kept as its reference ({@code AlignerPropertiesTest}).
 * Its own description follows.
 *
 * Aligns the paragraphs of two translations in the manner of Gale and Church: dynamic
 * programming over 1–1, 1–0, 0–1, 2–1 and 1–2 steps, each costed by how far the length
 * ratio strays from the texts' overall ratio, and made cheaper by numbers and names the
 * two sides share (anchors). Linear in the product of the paragraph counts, which are small.
 */
final class ReferenceAligner {
    private static final double SKIP = 3.0;
    private static final double MERGE = 1.0;
    private static final double LENGTH = 3.0;

    private ReferenceAligner() {}

    static Parallel align(String leftId, List<String> left, String rightId, List<String> right) {
        int n = left.size(), m = right.size();
        List<Set<String>> fl = new ArrayList<>(), fr = new ArrayList<>();
        for (String p : left) fl.add(Evidence.of(List.of(p)).features());
        for (String p : right) fr.add(Evidence.of(List.of(p)).features());
        double ratio = Math.max(1, total(left)) / (double) Math.max(1, total(right));
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
                    double c = cost[i - di][j - dj] + stepCost(left, right, fl, fr, i - di, di, j - dj, dj, ratio);
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
            List<Integer> l = new ArrayList<>(), r = new ArrayList<>();
            for (int x = i - di; x < i; x++) l.add(x);
            for (int y = j - dj; y < j; y++) r.add(y);
            rows.add(new Parallel.Row(List.copyOf(l), List.copyOf(r)));
            i -= di;
            j -= dj;
        }
        Collections.reverse(rows);
        return new Parallel(leftId, rightId, List.copyOf(rows));
    }

    private static int total(List<String> ps) {
        int t = 0;
        for (String p : ps) t += p.length();
        return t;
    }

    private static double stepCost(List<String> left, List<String> right, List<Set<String>> fl, List<Set<String>> fr,
                                   int i, int di, int j, int dj, double ratio) {
        if (di == 0 || dj == 0) return SKIP;
        int ll = 0, rl = 0;
        java.util.Set<String> a = new java.util.HashSet<>(), b = new java.util.HashSet<>();
        for (int x = i; x < i + di; x++) {
            ll += left.get(x).length();
            a.addAll(fl.get(x));
        }
        for (int y = j; y < j + dj; y++) {
            rl += right.get(y).length();
            b.addAll(fr.get(y));
        }
        // as in Gale and Church, a length that strays far from the expected one costs more than
        // skipping: a paragraph twice too long is not a translation of its neighbour
        double c = LENGTH * Math.abs(Math.log((ll + 20.0) / ((rl + 20.0) * ratio)));
        if (di + dj == 3) {
            c += MERGE;
            // a merged paragraph with numbers or names of its own, none found across, has no partner there
            if (strayAnchors(fl, i, di, b) || strayAnchors(fr, j, dj, a)) c += SKIP;
        }
        int union = a.size() + b.size();
        a.retainAll(b);
        if (union > 0) c -= 1.5 * (2.0 * a.size() / union); // shared numbers and names anchor the pair
        else c -= 0.1;
        return c + 1.0; // every row costs something, so merges only win when they fit better
    }

    private static boolean strayAnchors(List<Set<String>> features, int from, int count, Set<String> across) {
        for (int x = from; x < from + count; x++) {
            if (!features.get(x).isEmpty() && java.util.Collections.disjoint(features.get(x), across)) return true;
        }
        return false;
    }
}
