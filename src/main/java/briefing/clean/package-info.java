/**
 * Clean stage: {@link briefing.model.RawDocument} in, {@link briefing.model.Cleaned} out.
 * Separates the article (title, paragraphs, subheadings, captions) from the page around it
 * and reads the metadata the text states. Plain text goes through a line classifier, saved
 * HTML through main-content extraction, Markdown is trusted as written. Front matter always
 * wins over what is detected.
 */
package briefing.clean;
