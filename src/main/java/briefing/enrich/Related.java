package briefing.enrich;

import briefing.model.Article;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
        // each article's topics and names by its position, read once: the choices below compare them pair by pair
        List<List<String>> topics = new ArrayList<>(n);
        List<Set<String>> nameSets = new ArrayList<>(n);
        for (Article a : articles) {
            topics.add(a.topicKeys());
            nameSets.add(names.getOrDefault(a.id(), Set.of()));
        }
        Map<String, List<Integer>> byTopic = new HashMap<>();
        // position[i][k]: where article i stands in the list of its k-th topic
        int[][] position = new int[n][];
        for (int i = 0; i < n; i++) {
            List<String> mine = topics.get(i);
            position[i] = new int[mine.size()];
            for (int k = 0; k < mine.size(); k++) {
                List<Integer> list = byTopic.computeIfAbsent(mine.get(k), t -> new ArrayList<>());
                position[i][k] = list.size();
                list.add(i);
            }
        }
        // articles arrive newest first, so each topic's list is in date order already
        Map<String, List<Integer>> byName = new HashMap<>();
        for (int i = 0; i < n; i++) {
            for (String name : nameSets.get(i)) byName.computeIfAbsent(name, k -> new ArrayList<>()).add(i);
        }
        // each article's choice reads only the indexes, so they run on every core
        List<List<String>> chosen = java.util.stream.IntStream.range(0, n).parallel().mapToObj(i -> {
            Article a = articles.get(i);
            List<String> myTopics = topics.get(i);
            // candidates as positions, sorted and without repeats: no boxed numbers in a set
            int[] candidates = new int[16];
            int count = 0;
            for (int k = 0; k < myTopics.size(); k++) {
                List<Integer> list = byTopic.get(myTopics.get(k));
                int p = position[i][k];
                int from = Math.max(0, p - WINDOW), to = Math.min(list.size(), p + WINDOW + 1);
                if (count + to - from > candidates.length) candidates = Arrays.copyOf(candidates, 2 * (count + to - from));
                for (int j = from; j < to; j++) candidates[count++] = list.get(j);
            }
            Set<String> mine = nameSets.get(i);
            for (String name : mine) {
                List<Integer> list = byName.get(name);
                if (list.size() > MAX_NAME_POSTING) continue;
                if (count + list.size() > candidates.length) candidates = Arrays.copyOf(candidates, 2 * (count + list.size()));
                for (int j : list) candidates[count++] = j;
            }
            Arrays.sort(candidates, 0, count);
            List<Scored> scored = new ArrayList<>();
            for (int c = 0; c < count; c++) {
                int j = candidates[c];
                if (j == i || c > 0 && j == candidates[c - 1]) continue;
                Article b = articles.get(j);
                if (a.translations().contains(b.id())) continue;
                double s = 0;
                for (String t : topics.get(j)) if (myTopics.contains(t)) s += 2;
                Set<String> theirs = nameSets.get(j);
                for (String name : mine) if (theirs.contains(name)) s += 1;
                if (s < 2) continue;
                // a reader prefers their own language: it outweighs a shared name, not a shared topic
                if (b.lang().equals(a.lang())) s += 1.5;
                scored.add(new Scored(b.id(), s, j));
            }
            scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparingInt(Scored::order));
            List<String> best = new ArrayList<>(Math.min(MAX, scored.size()));
            for (int k = 0; k < scored.size() && k < MAX; k++) best.add(scored.get(k).id());
            return List.copyOf(best);
        }).toList();
        Map<String, List<String>> out = new HashMap<>();
        for (int i = 0; i < n; i++) out.put(articles.get(i).id(), chosen.get(i));
        return out;
    }

    private record Scored(String id, double score, int order) {}
}
