package briefing.enrich;

import briefing.model.Article;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The implementation of {@link Related} with boxed candidate sets and topic lists made at every comparison, kept as its reference ({@code RelatedPropertiesTest}).
 * Its own description follows.
 *
 * Chooses up to five related articles for each article, by shared topics and shared names,
 * preferring the same language. Candidates come from indexes (each topic's articles near
 * in date, and articles sharing a rare name), so the cost grows with the number of
 * articles, not with its square. Thread-safe.
 */
final class ReferenceRelated {
    private static final int WINDOW = 12;
    private static final int MAX_NAME_POSTING = 50;
    static final int MAX = 5;

    private ReferenceRelated() {}

    /** Article id → related ids, best first; {@code names} holds each article's name features. */
    static Map<String, List<String>> choose(List<Article> articles, Map<String, Set<String>> names) {
        Map<String, List<Integer>> byTopic = new HashMap<>();
        for (int i = 0; i < articles.size(); i++) {
            for (String t : articles.get(i).topicKeys()) byTopic.computeIfAbsent(t, k -> new ArrayList<>()).add(i);
        }
        // articles arrive newest first, so each topic's list is in date order already
        Map<String, Integer>[] position = positions(byTopic, articles.size());
        Map<String, List<Integer>> byName = new HashMap<>();
        for (int i = 0; i < articles.size(); i++) {
            for (String n : names.getOrDefault(articles.get(i).id(), Set.of())) byName.computeIfAbsent(n, k -> new ArrayList<>()).add(i);
        }
        // each article's choice reads only the indexes, so they run on every core
        List<List<String>> chosen = java.util.stream.IntStream.range(0, articles.size()).parallel().mapToObj(i -> {
            Article a = articles.get(i);
            Set<Integer> candidates = new HashSet<>();
            for (String t : a.topicKeys()) {
                List<Integer> list = byTopic.get(t);
                int p = position[i].get(t);
                for (int j = Math.max(0, p - WINDOW); j < Math.min(list.size(), p + WINDOW + 1); j++) candidates.add(list.get(j));
            }
            Set<String> mine = names.getOrDefault(a.id(), Set.of());
            for (String n : mine) {
                List<Integer> list = byName.get(n);
                if (list.size() <= MAX_NAME_POSTING) candidates.addAll(list);
            }
            candidates.remove(i);
            Set<String> exclude = new HashSet<>(a.translations());
            List<Scored> scored = new ArrayList<>();
            for (int j : candidates) {
                Article b = articles.get(j);
                if (exclude.contains(b.id())) continue;
                double s = 0;
                for (String t : b.topicKeys()) if (a.topicKeys().contains(t)) s += 2;
                Set<String> theirs = names.getOrDefault(b.id(), Set.of());
                for (String n : mine) if (theirs.contains(n)) s += 1;
                if (s < 2) continue;
                // a reader prefers their own language: it outweighs a shared name, not a shared topic
                if (b.lang().equals(a.lang())) s += 1.5;
                scored.add(new Scored(b.id(), s, j));
            }
            scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparingInt(Scored::order));
            return scored.stream().limit(MAX).map(Scored::id).toList();
        }).toList();
        Map<String, List<String>> out = new HashMap<>();
        for (int i = 0; i < articles.size(); i++) out.put(articles.get(i).id(), chosen.get(i));
        return out;
    }

    private record Scored(String id, double score, int order) {}

    @SuppressWarnings("unchecked")
    private static Map<String, Integer>[] positions(Map<String, List<Integer>> byTopic, int n) {
        Map<String, Integer>[] pos = new Map[n];
        for (int i = 0; i < n; i++) pos[i] = new HashMap<>();
        byTopic.forEach((t, list) -> {
            for (int k = 0; k < list.size(); k++) pos[list.get(k)].put(t, k);
        });
        return pos;
    }
}
