package briefing.model;

import java.util.List;

/**
 * The site's configuration, from {@code site.yml} or built-in defaults. Immutable.
 *
 * @param languages          the editions, first is not special; {@link #defaultLanguage} is
 * @param baseUrl            absolute URL the site is served from, or null (links stay relative)
 * @param portable           write links to {@code …/index.html} so the site browses from disk
 * @param pageSize           articles per list page
 * @param topicThreshold     minimum score for a topic to be assigned
 * @param maxTopics          cap on topics per article
 * @param translationScore   pairing score from which two articles are translations
 * @param sameEventScore     pairing score from which two articles cover the same event
 * @param maxFileSize        seeds larger than this many bytes are refused
 * @param taxonomy           path of the site's own taxonomy file, or null for the built-in one
 */
public record SiteConfig(String title, List<String> languages, String defaultLanguage, String baseUrl,
                         String theme, boolean portable, int pageSize, double topicThreshold, int maxTopics,
                         double translationScore, double sameEventScore, long maxFileSize, String taxonomy) {

    public static SiteConfig defaults() {
        return new SiteConfig(null, List.of("en", "vi"), "en", null, "calm", false, 20, 0.75, 5, 0.5, 0.2,
                10L * 1024 * 1024, null);
    }

    /** The edition an article in {@code lang} belongs to: its own, or the default one. */
    public String editionOf(String lang) {
        return languages.contains(lang) ? lang : defaultLanguage;
    }
}
