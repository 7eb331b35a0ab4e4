package briefing.enrich;

import briefing.enrich.Pairer.Candidate;
import briefing.enrich.Pairer.Decision;
import briefing.enrich.Pairer.Item;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link Pairer} without its indexes, kept as its reference ({@code PairerPropertiesTest}):
 * every two automatic articles of different languages are judged. The indexes must find
 * every pair so judged worth a decision. Judging and selecting are {@link Pairer}'s own.
 */
final class ReferencePairer {
    /** As {@link Pairer}'s: features held by more articles than this say nothing. */
    private static final int MAX_POSTING = 100;

    private final Pairer pairer;

    ReferencePairer(double translationScore, double sameEventScore) {
        pairer = new Pairer(translationScore, sameEventScore);
    }

    List<Decision> pair(List<Item> items) {
        List<Decision> out = new ArrayList<>();
        Set<String> explicitlyPaired = Pairer.explicit(items, out);
        List<Item> auto = items.stream().filter(Item::auto).toList();
        Map<String, Integer> holders = new HashMap<>();
        for (Item it : auto) for (String f : it.evidence().features()) holders.merge(f, 1, Integer::sum);
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < auto.size(); i++) {
            for (int j = i + 1; j < auto.size(); j++) {
                Item a = auto.get(i), b = auto.get(j);
                if (a.lang().equals(b.lang())) continue;
                double shared = 0;
                for (String f : a.evidence().features()) {
                    if (holders.get(f) <= MAX_POSTING && b.evidence().features().contains(f)) shared += Pairer.weight(f);
                }
                Candidate c = pairer.judge(a, b, shared, Math.min(Pairer.total(a.evidence()), Pairer.total(b.evidence())));
                if (c != null) candidates.add(c);
            }
        }
        out.addAll(Pairer.select(candidates, explicitlyPaired, items));
        return out;
    }
}
