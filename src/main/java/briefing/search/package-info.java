/**
 * Search stage: the published articles in, the files of a static search index out, as
 * (site path, text) pairs under {@code search/}. A small manifest lists the shards and each
 * document's edition; the inverted index is sharded by the first two letters of each folded
 * token, and each document's display text is its own file, so a first search fetches only
 * what its words need. {@code templates/<theme>/static/search.js} reads it in the browser.
 */
package briefing.search;
