/**
 * Enrich stage: {@link briefing.model.Cleaned} documents in, {@link briefing.model.Article}s
 * out. Finds each article's language, a fallback title and summary, a unique stable slug,
 * its topics, its translations and same-event coverage, and related articles.
 */
package briefing.enrich;
