/**
 * Regenerating while editing: {@link briefing.serve.Watcher} turns file changes in the seeds,
 * templates and configuration into incremental builds; {@link briefing.serve.PreviewServer}
 * serves the output folder on 127.0.0.1 and reloads open tabs after each build. In: build
 * options and file-system events; out: the same output folder {@code build} writes, and HTTP.
 */
package briefing.serve;
