package briefing.model;

import java.time.LocalDate;
import java.util.List;

/**
 * What an editor states about an article in YAML front matter. Every field may be null
 * (not stated); a stated value always wins over what the cleaner or enricher detects.
 *
 * @param topicsReplace true when {@code topics!:} was used: the stated topics replace the
 *                      detected ones instead of adding to them
 */
public record FrontMatter(String title, LocalDate date, String lang, List<String> topics, boolean topicsReplace,
                          String slug, String translationKey, Boolean draft, String author,
                          String publication, String sourceUrl) {
    public static final FrontMatter EMPTY =
            new FrontMatter(null, null, null, List.of(), false, null, null, null, null, null, null);
}
