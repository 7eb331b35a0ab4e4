package briefing.model;

/** A topic assigned to an article, with the score that earned it. */
public record TopicScore(String key, double score) {}
