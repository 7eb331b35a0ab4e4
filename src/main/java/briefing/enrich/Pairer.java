package briefing.enrich;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides which articles in different languages are translations of each other, which
 * cover the same event, and which are unrelated. Explicit keys (front matter
 * {@code translationKey}, file names {@code story.en.md}) always win; the rest are scored on
 * shared language-independent {@link Evidence}, on their topics and on how close in time
 * they were published. Candidates are found through two indexes, an inverted one of features
 * and one of publication times, so that an article is compared only with those sharing a
 * rare feature or published within minutes of it, never with all. Thread-safe; inputs are
 * not modified.
 */
public final class Pairer {
    /** Features held by more articles than this are too common to find candidates by. */
    private static final int MAX_POSTING = 100;
    /** Added to the score of two articles dated at most this many days apart. */
    private static final double DATE_BONUS = 0.1;
    private static final int DATE_DAYS = 3;
    /**
     * What the same topics published at the same moment add to a pair's score: as much as a
     * translation needs with the date's bonus when the topics agree fully; less as they differ
     * or as the times draw apart (see {@link #closeness}).
     */
    private static final double TOPICS_IN_TIME = 0.5;
    /**
     * The least ratio of two translations' lengths, and of their paragraph counts: an edition
     * may condense the story (a third of it still tells it), but no more.
     */
    private static final double MIN_RATIO = 0.5;
    /**
     * The same for a translation found by time and topics: two renderings of one story written
     * apart (a scraped page and its translation) differ more in length than a text and its
     * translation do, and the number check below guards this route instead.
     */
    private static final double MIN_RATIO_IN_TIME = 0.33;
    /** Numbers each of two texts must state before sharing none of them says they tell different stories. */
    private static final int NUMBERS_TO_DISAGREE = 3;
    /** Minutes apart at which publication times count half. */
    private static final double HALF_TIME = 30;

    /**
     * One article as the pairer sees it. {@code auto} is false for articles that only pair explicitly.
     *
     * @param time   the time of day it was published, null when unknown
     * @param topics   its topics with their scores (in the tagger's scale), language-independent
     * @param headline the topics of its headline alone, which a translation keeps closest
     */
    public record Item(String id, String lang, String translationKey, LocalDate date, LocalTime time,
                       Map<String, Double> topics, Map<String, Double> headline, Evidence evidence, boolean auto) {}

    /** A pairing decision with its score and the evidence behind it, for the build report. */
    public record Decision(String a, String b, Kind kind, double score, List<String> evidence) {
        public enum Kind { TRANSLATION, SAME_EVENT }
    }

    /**
     * A pair worth deciding on: as a translation or same event, and what it is when one of
     * the two is translated by another: a same-event decision on the shared evidence alone
     * (publication time and topics say nothing of the same event), or null.
     */
    record Candidate(Decision decision, Decision otherwise) {}

    private final double translationScore;
    private final double sameEventScore;
    /**
     * How many minutes apart two articles sharing no rare feature can be published and still
     * score as translations (on topics that agree fully); -1 when they never can. Scores are
     * rounded to hundredths, hence the half hundredth; a minute more is judged for safety.
     */
    private final long reach;

    public Pairer(double translationScore, double sameEventScore) {
        this.translationScore = translationScore;
        this.sameEventScore = sameEventScore;
        double closeness = (translationScore - 0.005 - DATE_BONUS) / TOPICS_IN_TIME;
        reach = closeness > 1 ? -1 : closeness <= 0 ? 24 * 60 : (long) Math.min(24 * 60, HALF_TIME * (1 / closeness - 1) + 1);
    }

    public List<Decision> pair(List<Item> items) {
        List<Decision> out = new ArrayList<>();
        Set<String> explicitlyPaired = explicit(items, out);
        List<Item> auto = items.stream().filter(Item::auto).toList();
        Map<String, List<Integer>> postings = new HashMap<>();
        List<Integer> timed = new ArrayList<>();
        long[] minutes = new long[auto.size()];
        for (int i = 0; i < auto.size(); i++) {
            Item it = auto.get(i);
            for (String f : it.evidence().features()) postings.computeIfAbsent(f, k -> new ArrayList<>()).add(i);
            if (it.date() != null && it.time() != null) {
                timed.add(i);
                minutes[i] = minute(it);
            }
        }
        // the articles that state when they were published, in order of it
        timed.sort(Comparator.comparingLong(i -> minutes[i]));
        long[] times = new long[timed.size()];
        for (int t = 0; t < times.length; t++) times[t] = minutes[timed.get(t)];
        double[] totals = auto.parallelStream().mapToDouble(it -> total(it.evidence())).toArray();
        // the weight each later article shares with the current one, and which articles are
        // candidates: arrays reused for every article a thread takes instead of a map per article
        // (their order does not matter: the candidates are sorted by score and ids below)
        int n = auto.size();
        ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(() -> new Scratch(n));
        // each article is compared with those after it, reading only the indexes, so on every core
        List<Candidate> candidates = java.util.stream.IntStream.range(0, n).parallel().mapToObj(i -> {
            Item a = auto.get(i);
            Scratch own = scratch.get();
            double[] shared = own.shared;
            int[] seenBy = own.seenBy, sharing = own.sharing;
            int count = 0;
            for (String f : a.evidence().features()) {
                List<Integer> p = postings.get(f);
                if (p.size() > MAX_POSTING) continue;
                double w = weight(f);
                for (int j : p) {
                    if (j <= i || auto.get(j).lang().equals(a.lang())) continue;
                    if (seenBy[j] != i + 1) {
                        seenBy[j] = i + 1;
                        shared[j] = 0;
                        sharing[count++] = j;
                    }
                    shared[j] += w;
                }
            }
            if (a.date() != null && a.time() != null && reach >= 0) {
                for (int t = firstAtOrAfter(times, minutes[i] - reach); t < times.length && times[t] <= minutes[i] + reach; t++) {
                    int j = timed.get(t);
                    if (j <= i || seenBy[j] == i + 1 || auto.get(j).lang().equals(a.lang())) continue;
                    seenBy[j] = i + 1;
                    shared[j] = 0;
                    sharing[count++] = j;
                }
            }
            List<Candidate> found = new ArrayList<>();
            for (int c = 0; c < count; c++) {
                int j = sharing[c];
                Candidate d = judge(a, auto.get(j), shared[j], Math.min(totals[i], totals[j]));
                if (d != null) found.add(d);
            }
            return found;
        }).flatMap(List::stream).toList();
        out.addAll(select(candidates, explicitlyPaired, items));
        return out;
    }

    /** One thread's arrays for {@link #pair}, indexed by article; {@code seenBy[j] == i + 1} once j is a candidate for i. */
    private static final class Scratch {
        final double[] shared;
        final int[] seenBy, sharing;

        Scratch(int n) {
            shared = new double[n];
            seenBy = new int[n];
            sharing = new int[n];
        }
    }

    /** Pairs by translation key, added to {@code out}; returns the articles so paired. */
    static Set<String> explicit(List<Item> items, List<Decision> out) {
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
        return explicitlyPaired;
    }

    /** Strongest first, each article translated at most once per language; a pair that loses falls back. */
    static List<Decision> select(List<Candidate> candidates, Set<String> explicitlyPaired, List<Item> items) {
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingDouble((Candidate c) -> c.decision().score()).reversed()
                .thenComparing(c -> c.decision().a()).thenComparing(c -> c.decision().b()));
        Map<String, String> lang = new HashMap<>();
        items.forEach(it -> lang.put(it.id(), it.lang()));
        Set<String> taken = new HashSet<>();
        List<Decision> out = new ArrayList<>();
        for (Candidate c : sorted) {
            Decision d = c.decision();
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
                d = c.otherwise();
            }
            if (d != null) out.add(d);
        }
        return out;
    }

    /** When an article was published, in minutes since the epoch (as printed: no time zone). */
    private static long minute(Item it) {
        return it.date().toEpochDay() * 24 * 60 + it.time().getHour() * 60 + it.time().getMinute();
    }

    /** The index of the first of the sorted {@code times} at or after {@code t}. */
    private static int firstAtOrAfter(long[] times, long t) {
        int lo = 0, hi = times.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < t) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    static double weight(String feature) {
        return switch (feature.charAt(0)) {
            case 'y' -> 0.5; // years recur across unrelated stories (2030 targets, anniversaries)
            case 'n' -> 1.5;
            case '%' -> 2.0;
            case 'u' -> 3.0;
            default -> 1.0;
        };
    }

    /** Both texts state a few numbers (not years) and share none of them. */
    static boolean numbersDisagree(Evidence a, Evidence b) {
        Set<String> na = numbers(a);
        if (na.size() < NUMBERS_TO_DISAGREE) return false;
        Set<String> nb = numbers(b);
        if (nb.size() < NUMBERS_TO_DISAGREE) return false;
        for (String n : na) if (nb.contains(n)) return false;
        return true;
    }

    private static Set<String> numbers(Evidence e) {
        Set<String> out = new HashSet<>();
        for (String f : e.features()) if (f.charAt(0) == 'n' || f.charAt(0) == '%') out.add(f);
        return out;
    }

    static double total(Evidence e) {
        double t = 0;
        for (String f : e.features()) t += weight(f);
        return Math.max(t, 5);
    }

    /**
     * The decision on two articles of different languages that share {@code shared} weight of
     * rare features out of {@code total}; null when they are unrelated.
     */
    Candidate judge(Item a, Item b, double shared, double total) {
        double s = shared / total;
        if (a.date() != null && b.date() != null && Math.abs(ChronoUnit.DAYS.between(a.date(), b.date())) <= DATE_DAYS) s += DATE_BONUS;
        double closeness = closeness(a, b);
        // both the whole text and its headline must be on the same topics: other stories on one
        // subject published at one time share the first, rarely the second
        double topics = closeness == 0 ? 0 : Math.min(similarity(a.topics(), b.topics()), similarity(a.headline(), b.headline()));
        double onEvidence = round(s);
        // time and topics alone never pair two texts whose numbers disagree: a translation states the same figures
        boolean byTime = onEvidence < translationScore;
        double score = byTime && numbersDisagree(a.evidence(), b.evidence()) ? onEvidence
                : round(s + TOPICS_IN_TIME * topics * closeness);
        double lengthRatio = ratio(a.evidence().length(), b.evidence().length());
        double paraRatio = ratio(a.evidence().paragraphs(), b.evidence().paragraphs());
        double minRatio = byTime ? MIN_RATIO_IN_TIME : MIN_RATIO;
        boolean translation = score >= translationScore && lengthRatio >= minRatio && paraRatio >= minRatio;
        boolean sameEvent = onEvidence >= sameEventScore;
        if (!translation && !sameEvent) return null; // most candidates: their evidence is never written out
        Set<String> common = new LinkedHashSet<>(a.evidence().features());
        common.retainAll(b.evidence().features());
        List<String> evidence = new ArrayList<>();
        for (String f : common) {
            if (evidence.size() == 12) break;
            evidence.add(describe(f));
        }
        String ratios = String.format(Locale.ROOT, "length ratio %.2f, paragraph ratio %.2f", lengthRatio, paraRatio);
        Decision onShared = null;
        if (sameEvent) {
            List<String> e = new ArrayList<>(evidence);
            e.add(ratios);
            onShared = new Decision(a.id(), b.id(), Decision.Kind.SAME_EVENT, onEvidence, e);
        }
        if (!translation) return new Candidate(onShared, null);
        if (topics * closeness > 0) {
            evidence.add(String.format(Locale.ROOT, "published %d min apart", minutesApart(a, b)));
            evidence.add(String.format(Locale.ROOT, "topic similarity %.2f", topics));
        }
        evidence.add(ratios);
        return new Candidate(new Decision(a.id(), b.id(), Decision.Kind.TRANSLATION, score, evidence), onShared);
    }

    private static double round(double s) {
        return Math.round(Math.min(s, 1.0) * 100) / 100.0;
    }

    /**
     * How close in time two articles were published, from 1 at the same minute down to 0 a
     * day or more apart: newsrooms that publish both editions put a translation out within
     * minutes or hours, while other stories on the same topics fill the rest of the day.
     */
    static double closeness(Item a, Item b) {
        if (a.date() == null || b.date() == null || a.time() == null || b.time() == null) return 0;
        long minutes = minutesApart(a, b);
        return minutes > 24 * 60 ? 0 : 1 / (1 + minutes / HALF_TIME);
    }

    private static long minutesApart(Item a, Item b) {
        return Math.abs(minute(a) - minute(b));
    }

    /** The cosine of two articles' topic scores: 1 when they weigh the same topics alike, 0 when they share none. */
    static double similarity(Map<String, Double> a, Map<String, Double> b) {
        double dot = 0, na = 0, nb = 0;
        for (Map.Entry<String, Double> e : a.entrySet()) {
            na += e.getValue() * e.getValue();
            Double other = b.get(e.getKey());
            if (other != null) dot += e.getValue() * other;
        }
        for (double v : b.values()) nb += v * v;
        return dot == 0 ? 0 : dot / Math.sqrt(na * nb);
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
