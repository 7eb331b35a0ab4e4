package briefing.enrich;

import briefing.enrich.Pairer.Decision;
import briefing.enrich.Pairer.Item;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The implementation of {@link Pairer} with a sorted map of shared weights per article, kept as its reference ({@code PairerPropertiesTest}).
 * Its own description follows.
 *
 * Decides which articles in different languages are translations of each other, which
 * cover the same event, and which are unrelated. Explicit keys (front matter
 * {@code translationKey}, file names {@code story.en.md}) always win; the rest are scored on
 * shared language-independent {@link Evidence}, found through an inverted index so that an
 * article is compared only with those sharing a rare feature, never with all.
 * Thread-safe; inputs are not modified.
 */
final class ReferencePairer {
    /** Features held by more articles than this are too common to find candidates by. */
    private static final int MAX_POSTING = 100;

    private final double translationScore;
    private final double sameEventScore;

    ReferencePairer(double translationScore, double sameEventScore) {
        this.translationScore = translationScore;
        this.sameEventScore = sameEventScore;
    }

    public List<Decision> pair(List<Item> items) {
        List<Decision> out = new ArrayList<>();
        Set<String> explicitlyPaired = new HashSet<>();
        Map<String, List<Item>> byKey = new TreeMap<>();
        for (Item it : items) if (it.translationKey() != null) byKey.computeIfAbsent(it.translationKey(), k -> new ArrayList<>()).add(it);
        for (Map.Entry<String, List<Item>> e : byKey.entrySet()) {
            List<Item> group = e.getValue();
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    if (group.get(i).lang().equals(group.get(j).lang())) continue;
                    out.add(new Decision(group.get(i).id(), group.get(j).id(), Decision.Kind.TRANSLATION, 1.0,
                            List.of("translationKey '" + e.getKey() + "'")));
                    explicitlyPaired.add(group.get(i).id());
                    explicitlyPaired.add(group.get(j).id());
                }
            }
        }
        List<Item> auto = items.stream().filter(Item::auto).toList();
        Map<String, List<Integer>> postings = new HashMap<>();
        for (int i = 0; i < auto.size(); i++) {
            for (String f : auto.get(i).evidence().features()) postings.computeIfAbsent(f, k -> new ArrayList<>()).add(i);
        }
        List<Decision> candidates = new ArrayList<>();
        for (int i = 0; i < auto.size(); i++) {
            Item a = auto.get(i);
            Map<Integer, Double> shared = new TreeMap<>();
            for (String f : a.evidence().features()) {
                List<Integer> p = postings.get(f);
                if (p.size() > MAX_POSTING) continue;
                for (int j : p) if (j > i && !auto.get(j).lang().equals(a.lang())) shared.merge(j, weight(f), Double::sum);
            }
            for (Map.Entry<Integer, Double> e : shared.entrySet()) {
                Item b = auto.get(e.getKey());
                double score = score(a, b, e.getValue());
                if (score >= sameEventScore) candidates.add(decide(a, b, score));
            }
        }
        // strongest first, each article translated at most once per language
        candidates.sort(Comparator.comparingDouble(Decision::score).reversed().thenComparing(Decision::a).thenComparing(Decision::b));
        Map<String, String> lang = new HashMap<>();
        items.forEach(it -> lang.put(it.id(), it.lang()));
        Set<String> taken = new HashSet<>();
        for (Decision d : candidates) {
            if (d.kind() == Decision.Kind.TRANSLATION) {
                String ka = d.a() + "→" + lang.get(d.b()), kb = d.b() + "→" + lang.get(d.a());
                boolean free = !explicitlyPaired.contains(d.a()) && !explicitlyPaired.contains(d.b())
                        && !taken.contains(ka) && !taken.contains(kb);
                if (free) {
                    taken.add(ka);
                    taken.add(kb);
                    out.add(d);
                    continue;
                }
                d = new Decision(d.a(), d.b(), Decision.Kind.SAME_EVENT, d.score(), d.evidence());
            }
            out.add(d);
        }
        return out;
    }

    private static double weight(String feature) {
        return switch (feature.charAt(0)) {
            case 'y' -> 0.5; // years recur across unrelated stories (2030 targets, anniversaries)
            case 'n' -> 1.5;
            case '%' -> 2.0;
            case 'u' -> 3.0;
            default -> 1.0;
        };
    }

    private static double total(Evidence e) {
        double t = 0;
        for (String f : e.features()) t += weight(f);
        return Math.max(t, 5);
    }

    private static double score(Item a, Item b, double shared) {
        double s = shared / Math.min(total(a.evidence()), total(b.evidence()));
        if (a.date() != null && b.date() != null && Math.abs(ChronoUnit.DAYS.between(a.date(), b.date())) <= 3) s += 0.1;
        return Math.round(Math.min(s, 1.0) * 100) / 100.0;
    }

    private Decision decide(Item a, Item b, double score) {
        Set<String> common = new java.util.LinkedHashSet<>(a.evidence().features());
        common.retainAll(b.evidence().features());
        List<String> evidence = new ArrayList<>();
        for (String f : common) {
            if (evidence.size() == 12) break;
            evidence.add(describe(f));
        }
        double lengthRatio = ratio(a.evidence().length(), b.evidence().length());
        double paraRatio = ratio(a.evidence().paragraphs(), b.evidence().paragraphs());
        evidence.add(String.format(java.util.Locale.ROOT, "length ratio %.2f, paragraph ratio %.2f", lengthRatio, paraRatio));
        boolean translation = score >= translationScore && lengthRatio >= 0.5 && paraRatio >= 0.5;
        return new Decision(a.id(), b.id(), translation ? Decision.Kind.TRANSLATION : Decision.Kind.SAME_EVENT, score, evidence);
    }

    private static double ratio(int x, int y) {
        return Math.max(x, y) == 0 ? 1 : Math.min(x, y) / (double) Math.max(x, y);
    }

    private static String describe(String f) {
        String v = f.substring(1);
        return switch (f.charAt(0)) {
            case 'y' -> "year " + v;
            case 'n' -> "number " + v;
            case '%' -> v + "%";
            case 'u' -> "URL " + v;
            default -> "name '" + v + "'";
        };
    }
}
