/**
 * Language knowledge shared by the clean and enrich stages: per-language data (stop words,
 * month names, cue words) read from YAML files, and language detection that decides clear
 * cases from cheap evidence and asks Lingua only about doubtful ones.
 */
package briefing.lang;
