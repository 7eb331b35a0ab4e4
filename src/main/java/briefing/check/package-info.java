/**
 * Check stage: a built site folder in, the problems a visitor or crawler would meet out, as
 * {@link briefing.model.Problem}s naming the file, line and link. Reads the folder as a
 * static host serves it ({@code dir/} is {@code dir/index.html}); never writes to it.
 */
package briefing.check;
