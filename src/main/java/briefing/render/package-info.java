/**
 * Render stage: articles, parallels and the taxonomy in, pages out as (site path, UTF-8 bytes)
 * pairs handed to a {@link briefing.render.PageSink} as each is rendered, so the site is never
 * held in memory whole. Templates are FreeMarker ({@code .ftlh}: HTML with auto-escaping,
 * {@code .ftlx}: XML), looked up in the site's {@code templates/}, then its theme folder,
 * then the built-in theme. Markdown goes through Flexmark and a Jsoup safelist.
 */
package briefing.render;
