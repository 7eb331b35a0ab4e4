package briefing.model;

import java.time.LocalDate;
import java.util.List;

/**
 * An article ready to render: the cleaned text plus everything the enrich stage found.
 * Immutable; stages return copies through the {@code withX} methods.
 *
 * @param id           the seed's path relative to the source folder; unique and stable
 * @param title        the title shown: the stated one, or a fallback made from the lede
 * @param titleStated  false when the text states no headline and {@code title} is a fallback
 * @param summary      the lede, for lists, feeds and the meta description
 * @param translations ids of articles that are translations of this one
 * @param sameEvent    ids of articles covering the same event in another language
 * @param related      ids of related articles, best first
 */
public record Article(String id, Cleaned cleaned, String lang, String slug, String title, boolean titleStated,
                      LocalDate date, String summary, List<TopicScore> topics, String translationKey,
                      List<String> translations, List<String> sameEvent, List<String> related) {

    public Article withLinks(List<String> translations, List<String> sameEvent) {
        return new Article(id, cleaned, lang, slug, title, titleStated, date, summary, topics, translationKey,
                translations, sameEvent, related);
    }

    public Article withRelated(List<String> related) {
        return new Article(id, cleaned, lang, slug, title, titleStated, date, summary, topics, translationKey,
                translations, sameEvent, related);
    }

    public Article withTopics(List<TopicScore> topics) {
        return new Article(id, cleaned, lang, slug, title, titleStated, date, summary, topics, translationKey,
                translations, sameEvent, related);
    }

    /** The same with its body compressed until read again (see {@link Cleaned#packed()}). */
    public Article packed() {
        return withCleaned(cleaned.packed());
    }

    public Article withCleaned(Cleaned cleaned) {
        return new Article(id, cleaned, lang, slug, title, titleStated, date, summary, topics, translationKey,
                translations, sameEvent, related);
    }

    public Article withSlug(String slug) {
        return new Article(id, cleaned, lang, slug, title, titleStated, date, summary, topics, translationKey,
                translations, sameEvent, related);
    }

    /** Asked for every article by every list page and by linking: a plain loop, not a stream. */
    public List<String> topicKeys() {
        String[] keys = new String[topics.size()];
        for (int i = 0; i < keys.length; i++) keys[i] = topics.get(i).key();
        return List.of(keys);
    }
}
