/**
 * Write stage: pages in, the output folder out. Everything is written to a temporary folder
 * beside the output and swapped in only when the build completes, so a failed or killed
 * build leaves the previous site whole. Only paths inside the output folder are written;
 * only files the generator wrote before are ever deleted.
 */
package briefing.output;
