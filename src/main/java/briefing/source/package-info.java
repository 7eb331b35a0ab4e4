/**
 * Load stage: seeds folder in, {@link briefing.model.RawDocument}s and problems out.
 * Decodes bytes (UTF-8 with or without BOM, UTF-16 with BOM), normalizes line endings and
 * Unicode (NFC), and splits off YAML front matter. A file that cannot be read is a problem
 * naming the file, its line and the fix, never an exception: binary data, bytes that are not
 * UTF-8 (windows-1252 and the legacy Vietnamese TCVN3 and VNI are recognised and the
 * conversion named), empty files, files over the size limit, hidden files and symlinks out of
 * the folder.
 */
package briefing.source;
