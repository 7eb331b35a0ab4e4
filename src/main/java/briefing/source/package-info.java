/**
 * Load stage: seeds folder in, {@link briefing.model.RawDocument}s and problems out.
 * Decodes bytes (UTF-8 with or without BOM, UTF-16 with BOM), normalizes line endings and
 * Unicode (NFC), and splits off YAML front matter. A file that cannot be read is a problem
 * naming the file, never an exception.
 */
package briefing.source;
