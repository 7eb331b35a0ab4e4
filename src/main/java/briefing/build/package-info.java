/**
 * The one place that knows the stage order. A build runs, in this order:
 * <ol>
 *   <li>read the configuration ({@code site.yml}, or defaults);</li>
 *   <li>load every seed ({@link briefing.source});</li>
 *   <li>find the lines that recur across seeds (site furniture);</li>
 *   <li>clean each seed ({@link briefing.clean}), in parallel;</li>
 *   <li>enrich each article, in parallel, then link them site-wide ({@link briefing.enrich});</li>
 *   <li>render every page ({@link briefing.render}) straight into</li>
 *   <li>the output writer ({@link briefing.output}), which swaps the new site in at the end.</li>
 * </ol>
 */
package briefing.build;
