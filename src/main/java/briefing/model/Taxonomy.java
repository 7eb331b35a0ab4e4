package briefing.model;

import java.util.List;
import java.util.Map;

/**
 * The topics articles are tagged with: a stable key, a group, a label per edition language
 * and keywords per content language. Immutable.
 *
 * @param groups group key → label per edition language, in display order
 */
public record Taxonomy(Map<String, Map<String, String>> groups, List<Topic> topics) {

    /** @param weight how much one mention counts; specific themes weigh more than place names */
    public record Topic(String key, String group, Map<String, String> labels, Map<String, List<String>> keywords,
                        double weight) {
        /** The label in {@code lang}, else in English, else the key. */
        public String label(String lang) {
            String l = labels.get(lang);
            if (l == null) l = labels.get("en");
            return l == null ? key : l;
        }
    }

    public Topic topic(String key) {
        for (Topic t : topics) if (t.key().equals(key)) return t;
        return null;
    }

    /** The group's label in {@code lang}, else in English, else the key. */
    public String groupLabel(String group, String lang) {
        Map<String, String> labels = groups.getOrDefault(group, Map.of());
        String l = labels.get(lang);
        if (l == null) l = labels.get("en");
        return l == null ? group : l;
    }
}
