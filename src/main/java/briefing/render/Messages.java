package briefing.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The UI strings of each edition, from {@code i18n/<lang>.properties} (UTF-8) in the site's
 * templates folder or, failing that, the built-in one. A key missing from one language falls
 * back to the default language and is remembered for the build report, so a page never
 * shows a raw key. Thread-safe.
 */
public final class Messages {
    private final Map<String, Properties> bundles = new HashMap<>();
    private final String defaultLang;
    private final Set<String> missing = ConcurrentHashMap.newKeySet();
    /** Every list card formats a date: the pattern is parsed once per language. */
    private final Map<String, DateTimeFormatter> dateFormats = new ConcurrentHashMap<>();
    /** Parsed patterns by language and pattern: parsing one per page (a topic page's title) was about 2 % of the main thread's samples in a rebuild in watch. */
    private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();

    /** @param siteTitle the configuration's {@code title}, the site's name in every edition; null for each bundle's {@code site.title} */
    public Messages(Iterable<String> languages, String defaultLang, Path siteTemplates, String siteTitle) throws IOException {
        this.defaultLang = defaultLang;
        for (String lang : languages) bundles.put(lang, load(lang, siteTemplates));
        bundles.computeIfAbsent(defaultLang, l -> {
            try {
                return load(l, siteTemplates);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        if (siteTitle != null) bundles.values().forEach(p -> p.setProperty("site.title", siteTitle));
    }

    private static Properties load(String lang, Path siteTemplates) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream("/templates/i18n/" + lang + ".properties")) {
            if (in != null) p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Path own = siteTemplates == null ? null : siteTemplates.resolve("i18n").resolve(lang + ".properties");
        if (own != null && Files.isRegularFile(own)) {
            try (Reader r = Files.newBufferedReader(own, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        }
        return p;
    }

    /** The string for {@code key} in {@code lang}, with {0}, {1}... filled from {@code args}. */
    public String get(String lang, String key, Object... args) {
        String v = bundles.getOrDefault(lang, bundles.get(defaultLang)).getProperty(key);
        if (v == null) {
            missing.add(lang + ": " + key);
            v = bundles.get(defaultLang).getProperty(key);
            if (v == null) v = key.substring(key.lastIndexOf('.') + 1);
        }
        if (args.length == 0) return v;
        String pattern = v;
        MessageFormat f = formats.computeIfAbsent(lang + '\n' + pattern,
                k -> new MessageFormat(pattern.replace("'", "''"), Locale.forLanguageTag(lang)));
        // a MessageFormat is not thread-safe: each call formats with its own copy
        return ((MessageFormat) f.clone()).format(args);
    }

    /** The language's name as {@code uiLang} readers know it. */
    public String languageName(String uiLang, String lang) {
        String v = bundles.getOrDefault(uiLang, bundles.get(defaultLang)).getProperty("lang." + lang);
        return v != null ? v : Locale.forLanguageTag(lang).getDisplayLanguage(Locale.forLanguageTag(uiLang));
    }

    public String formatDate(String lang, LocalDate date) {
        if (date == null) return null;
        return dateFormats.computeIfAbsent(lang, l -> DateTimeFormatter.ofPattern(get(l, "date.format"), Locale.forLanguageTag(l)))
                .format(date);
    }

    /** Keys that some language lacked, as {@code "lang: key"}, sorted. */
    public Set<String> missing() {
        return new TreeSet<>(missing);
    }
}
