package briefing.enrich;

import briefing.model.Article;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses up to five related articles for each article, by shared topics and shared names,
 * preferring the same language. Candidates come from indexes (each topic's articles near
 * in date, and articles sharing a rare name), so the cost grows with the number of
 * articles, not with its square. Thread-safe.
 */
final class Related {
    private static final int WINDOW = 12;
    private static final int MAX_NAME_POSTING = 50;
    static final int MAX = 5;

    private Related() {}

    /** Article id → related ids, best first; {@code names} holds each article's name features. */
    static Map<String, List<String>> choose(List<Article> articles, Map<String, Set<String>> names) {
        int n = articles.size();
        // topics and names as small numbers, read once per article: the choices below compare them pair by pair
        Map<String, Integer> topicIds = new HashMap<>(), nameIds = new HashMap<>();
        int[][] topics = new int[n][], namesOf = new int[n][];
        for (int i = 0; i < n; i++) {
            Article a = articles.get(i);
            topics[i] = ids(a.topicKeys(), topicIds);
            namesOf[i] = ids(names.getOrDefault(a.id(), Set.of()), nameIds);
            Arrays.sort(namesOf[i]); // sorted, so two articles' shared names are counted by one merge
        }
        List<List<Integer>> byTopic = lists(topicIds.size());
        // position[i][k]: where article i stands in the list of its k-th topic
        int[][] position = new int[n][];
        for (int i = 0; i < n; i++) {
            position[i] = new int[topics[i].length];
            for (int k = 0; k < topics[i].length; k++) {
                List<Integer> list = byTopic.get(topics[i][k]);
                position[i][k] = list.size();
                list.add(i);
            }
        }
        // articles arrive newest first, so each topic's list is in date order already
        List<List<Integer>> byName = lists(nameIds.size());
        for (int i = 0; i < n; i++) {
            for (int name : namesOf[i]) byName.get(name).add(i);
        }
        // each article's choice reads only the indexes, so they run on every core
        ThreadLocal<int[]> seenBy = ThreadLocal.withInitial(() -> new int[n]);
        List<List<String>> chosen = java.util.stream.IntStream.range(0, n).parallel().mapToObj(i -> {
            Article a = articles.get(i);
            int[] myTopics = topics[i];
            // each candidate once: seen[j] == i + 1 once j was taken for article i (no set, no sorting)
            int[] seen = seenBy.get();
            int[] candidates = new int[16];
            int count = 0;
            for (int k = 0; k < myTopics.length; k++) {
                List<Integer> list = byTopic.get(myTopics[k]);
                int p = position[i][k];
                int from = Math.max(0, p - WINDOW), to = Math.min(list.size(), p + WINDOW + 1);
                if (count + to - from > candidates.length) candidates = Arrays.copyOf(candidates, 2 * (count + to - from));
                for (int j = from; j < to; j++) count = take(list.get(j), i, seen, candidates, count);
            }
            int[] mine = namesOf[i];
            for (int name : mine) {
                List<Integer> list = byName.get(name);
                if (list.size() > MAX_NAME_POSTING) continue;
                if (count + list.size() > candidates.length) candidates = Arrays.copyOf(candidates, 2 * (count + list.size()));
                for (int j : list) count = take(j, i, seen, candidates, count);
            }
            // the best MAX by score, then by position: kept in order as they come, which is the
            // order a full sort would give, without sorting every candidate
            double[] bestScore = new double[MAX];
            int[] best = new int[MAX];
            int kept = 0;
            for (int c = 0; c < count; c++) {
                int j = candidates[c];
                Article b = articles.get(j);
                if (a.translations().contains(b.id())) continue;
                double s = 0;
                for (int t : topics[j]) if (contains(myTopics, t)) s += 2;
                s += shared(mine, namesOf[j]);
                if (s < 2) continue;
                // a reader prefers their own language: it outweighs a shared name, not a shared topic
                if (b.lang().equals(a.lang())) s += 1.5;
                int at = kept;
                while (at > 0 && (bestScore[at - 1] < s || bestScore[at - 1] == s && best[at - 1] > j)) at--;
                if (at >= MAX) continue;
                int last = Math.min(kept, MAX - 1);
                System.arraycopy(bestScore, at, bestScore, at + 1, last - at);
                System.arraycopy(best, at, best, at + 1, last - at);
                bestScore[at] = s;
                best[at] = j;
                if (kept < MAX) kept++;
            }
            List<String> ids = new ArrayList<>(kept);
            for (int k = 0; k < kept; k++) ids.add(articles.get(best[k]).id());
            return List.copyOf(ids);
        }).toList();
        Map<String, List<String>> out = new HashMap<>();
        for (int i = 0; i < n; i++) out.put(articles.get(i).id(), chosen.get(i));
        return out;
    }

    /** Adds candidate {@code j} for article {@code i} unless it is {@code i} or already taken; returns the new count. */
    private static int take(int j, int i, int[] seen, int[] candidates, int count) {
        if (j == i || seen[j] == i + 1) return count;
        seen[j] = i + 1;
        candidates[count] = j;
        return count + 1;
    }

    private static int[] ids(Collection<String> keys, Map<String, Integer> ids) {
        int[] out = new int[keys.size()];
        int k = 0;
        for (String key : keys) out[k++] = ids.computeIfAbsent(key, x -> ids.size());
        return out;
    }

    private static List<List<Integer>> lists(int count) {
        List<List<Integer>> out = new ArrayList<>(count);
        for (int k = 0; k < count; k++) out.add(new ArrayList<>());
        return out;
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) if (v == value) return true;
        return false;
    }

    /** How many values two sorted arrays share. */
    private static int shared(int[] a, int[] b) {
        int n = 0;
        for (int x = 0, y = 0; x < a.length && y < b.length; ) {
            if (a[x] < b[y]) x++;
            else if (a[x] > b[y]) y++;
            else {
                n++;
                x++;
                y++;
            }
        }
        return n;
    }
}
