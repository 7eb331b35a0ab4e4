package briefing.enrich;

import briefing.model.Article;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
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
        Site site = index(articles, names, new HashMap<>(), Map.of(), new IdentityHashMap<>());
        return byId(articles, chooseFor(site, java.util.stream.IntStream.range(0, articles.size()).toArray()));
    }

    /**
     * What the choices are read from: each article's topics and names as small numbers, each topic's
     * articles in date order and where each article stands in them, and each name's articles.
     */
    private record Site(List<Article> articles, Map<String, Set<String>> names, int[][] topics, int[][] namesOf,
                        List<List<Integer>> byTopic, int[][] position, List<List<Integer>> byName) {}

    /**
     * @param nameIds    names as numbers, added to; only their being distinct matters
     * @param numbered   name sets numbered before with these {@code nameIds}, by identity
     * @param numberedNow receives this site's name sets, numbered
     */
    private static Site index(List<Article> articles, Map<String, Set<String>> names, Map<String, Integer> nameIds,
                              Map<Set<String>, int[]> numbered, Map<Set<String>, int[]> numberedNow) {
        int n = articles.size();
        // topics and names as small numbers, read once per article: the choices below compare them pair by pair
        Map<String, Integer> topicIds = new HashMap<>();
        int[][] topics = new int[n][], namesOf = new int[n][];
        for (int i = 0; i < n; i++) {
            Article a = articles.get(i);
            topics[i] = ids(a.topicKeys(), topicIds);
            Set<String> own = names.getOrDefault(a.id(), Set.of());
            namesOf[i] = numbered.get(own);
            if (namesOf[i] == null) {
                namesOf[i] = ids(own, nameIds);
                Arrays.sort(namesOf[i]); // sorted, so two articles' shared names are counted by one merge
            }
            numberedNow.put(own, namesOf[i]);
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
        return new Site(articles, names, topics, namesOf, byTopic, position, byName);
    }

    /** The choices for the articles at {@code which}, in that order; each reads only the indexes, so they run on every core. */
    private static List<List<String>> chooseFor(Site site, int[] which) {
        List<Article> articles = site.articles();
        int[][] topics = site.topics(), namesOf = site.namesOf(), position = site.position();
        List<List<Integer>> byTopic = site.byTopic(), byName = site.byName();
        int n = articles.size();
        ThreadLocal<int[]> seenBy = ThreadLocal.withInitial(() -> new int[n]);
        return Arrays.stream(which).parallel().mapToObj(i -> {
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
    }

    private static Map<String, List<String>> byId(List<Article> articles, List<List<String>> chosen) {
        Map<String, List<String>> out = new HashMap<>();
        for (int i = 0; i < articles.size(); i++) out.put(articles.get(i).id(), chosen.get(i));
        return out;
    }

    /**
     * Related articles for a process that links again and again ({@code watch}): it keeps the last
     * site's indexes and choices, and chooses again only for the articles an edit can change the
     * choice of. An article's choice reads its own topics, names, language and translations, and
     * those of its candidates: the articles near it in its topics' lists and those sharing a name.
     * So when the articles are the same ones in the same order, only the changed articles and
     * their neighbours in the old and new lists choose again. Not thread-safe: one link at a time.
     */
    static final class Memory {
        private Site last;
        private List<List<String>> chosen;
        /**
         * Each name set's numbers, by the set itself: an unchanged article's names are the very set
         * the last link had (the enricher remembers its scans). Numbering 10,000 articles' names
         * again was about 30 % of choosing again after one edit (JFR).
         */
        private final Map<String, Integer> nameIds = new HashMap<>();
        private Map<Set<String>, int[]> numbered = new IdentityHashMap<>();

        /** The same as {@link Related#choose}. */
        Map<String, List<String>> choose(List<Article> articles, Map<String, Set<String>> names) {
            if (last != null && unchanged(last, articles, names)) {
                // no choice can differ, and the indexes hold: building them again was most of a link after an edit
                last = new Site(articles, names, last.topics(), last.namesOf(), last.byTopic(), last.position(), last.byName());
                return byId(articles, chosen);
            }
            Map<Set<String>, int[]> now = new IdentityHashMap<>();
            Site site = index(articles, names, nameIds, numbered, now);
            numbered = now;
            int inUse = 0;
            for (List<Integer> list : site.byName()) if (!list.isEmpty()) inUse++;
            if (nameIds.size() > 2 * inUse + 1024) {
                // names edited away still hold numbers: past twice those in use, the next link numbers afresh
                nameIds.clear();
                numbered = new IdentityHashMap<>();
            }
            int[] again = last == null ? null : again(last, site);
            List<List<String>> out;
            if (again == null) {
                out = chooseFor(site, java.util.stream.IntStream.range(0, articles.size()).toArray());
            } else {
                out = new ArrayList<>(chosen);
                List<List<String>> redone = chooseFor(site, again);
                for (int k = 0; k < again.length; k++) out.set(again[k], redone.get(k));
            }
            chosen = out;
            last = site;
            return byId(articles, out);
        }

        /** The articles whose choice can differ from {@code before}'s, in order; null when the articles or their order changed. */
        private static int[] again(Site before, Site now) {
            int n = now.articles().size();
            if (before.articles().size() != n) return null;
            java.util.BitSet near = new java.util.BitSet(n);
            for (int i = 0; i < n; i++) {
                Article a = before.articles().get(i), b = now.articles().get(i);
                if (!a.id().equals(b.id())) return null;
                if (same(a, before.names(), b, now.names())) continue;
                // its candidates, as they were and as they are, see it
                for (Site s : List.of(before, now)) {
                    for (int k = 0; k < s.topics()[i].length; k++) {
                        List<Integer> list = s.byTopic().get(s.topics()[i][k]);
                        int p = s.position()[i][k];
                        for (int j = Math.max(0, p - WINDOW); j < Math.min(list.size(), p + WINDOW + 1); j++) near.set(list.get(j));
                    }
                    for (int name : s.namesOf()[i]) for (int j : s.byName().get(name)) near.set(j);
                }
                near.set(i);
            }
            return near.stream().toArray();
        }
    }

    /** Whether {@code articles} are the articles of {@code before}, in its order, each as it chooses and is chosen. */
    private static boolean unchanged(Site before, List<Article> articles, Map<String, Set<String>> names) {
        if (before.articles().size() != articles.size()) return false;
        for (int i = 0; i < articles.size(); i++) {
            Article a = before.articles().get(i), b = articles.get(i);
            if (!a.id().equals(b.id()) || !same(a, before.names(), b, names)) return false;
        }
        return true;
    }

    /** Whether article {@code a} and {@code b} (the same id) read the same to every choice that sees them. */
    private static boolean same(Article a, Map<String, Set<String>> namesOfA, Article b, Map<String, Set<String>> namesOfB) {
        // the same topics with the same scores have the same keys: cheaper to compare, and never too few chosen again
        return a.topics().equals(b.topics()) && a.lang().equals(b.lang()) && a.translations().equals(b.translations())
                && namesOfA.getOrDefault(a.id(), Set.of()).equals(namesOfB.getOrDefault(b.id(), Set.of()));
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
