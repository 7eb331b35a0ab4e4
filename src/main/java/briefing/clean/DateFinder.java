package briefing.clean;

import briefing.lang.LanguageData;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a calendar date in a line, in the forms news sites print: {@code 23/09/2024},
 * {@code 2024-09-23}, {@code 22. September 2024}, {@code September 22, 2024},
 * {@code 22 tháng 9 năm 2024}, {@code 22 de septiembre de 2024}. Month names come from the
 * language data. Thread-safe. Every pattern is linear: no nested quantifiers.
 */
final class DateFinder {
    /** A date found in a line; {@code date} is null when the line states a day and month but no year. */
    record Found(LocalDate date, String text) {}

    private static final Pattern NUMERIC_DMY = Pattern.compile("(?<!\\d)(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{4})(?!\\d)");
    private static final Pattern NUMERIC_YMD = Pattern.compile("(?<!\\d)(\\d{4})[/.\\-](\\d{1,2})[/.\\-](\\d{1,2})(?!\\d)");
    private static final Pattern VI = Pattern.compile(
            "(?iu)(?<!\\d)(\\d{1,2})\\s+tháng\\s+(\\d{1,2})(?:\\s*(?:năm|,|/)\\s*(\\d{4}))?(?!\\d)");
    private static final Pattern NUMERIC_DM = Pattern.compile("(?<![\\d/.])(\\d{1,2})/(\\d{1,2})(?![\\d/])");

    private final Pattern dayMonthYear;
    private final Pattern monthDayYear;
    private final Map<String, Integer> monthNumbers = new HashMap<>();
    /**
     * The last chars of the month names, case-folded as the pattern compares them, or null when
     * a name could end in white space or outside the BMP, where {@link #monthFirst} cannot place it.
     */
    private final String lastChars;
    /** The longest month name, in chars. */
    private final int longestName;

    DateFinder(LanguageData data) {
        List<String> names = new ArrayList<>();
        for (List<List<String>> months : data.months().values()) {
            for (int m = 0; m < 12; m++) {
                for (String name : months.get(m)) {
                    if (name.startsWith("tháng")) continue; // handled by the numeric Vietnamese pattern
                    monthNumbers.putIfAbsent(name, m + 1);
                    names.add(Pattern.quote(name));
                }
            }
        }
        StringBuilder last = new StringBuilder();
        int longest = 0;
        boolean placeable = true;
        for (String name : monthNumbers.keySet()) {
            char end = name.isEmpty() ? ' ' : name.charAt(name.length() - 1);
            placeable &= SPACE.indexOf(end) < 0 && name.chars().noneMatch(ch -> Character.isSurrogate((char) ch));
            last.append(fold(end));
            longest = Math.max(longest, name.length());
        }
        lastChars = placeable ? last.toString() : null;
        longestName = longest;
        names.sort(Comparator.comparingInt(String::length).reversed());
        String month = "(" + String.join("|", names.stream().distinct().toList()) + ")";
        dayMonthYear = Pattern.compile("(?iu)(?<!\\d)(\\d{1,2})(?:\\.|st|nd|rd|th|er)?\\s+(?:de\\s+)?" + month
                + "\\b\\.?(?:,?\\s+(?:de\\s+)?(\\d{4}))?(?!\\d)");
        monthDayYear = Pattern.compile("(?iu)\\b" + month + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?(?!\\d)");
    }

    /** The first date in {@code line}, or null when it states none. */
    Found find(String line) {
        if (!hasDigit(line)) return null; // every form has one; most lines have none
        Matcher m = NUMERIC_YMD.matcher(line);
        if (m.find()) return found(m, m.group(1), m.group(2), m.group(3));
        m = NUMERIC_DMY.matcher(line);
        if (m.find()) {
            int a = Integer.parseInt(m.group(1)), b = Integer.parseInt(m.group(2));
            // Day first, as nearly everywhere; month first only when the day-first reading is impossible.
            return b > 12 && a <= 12 ? found(m, m.group(3), m.group(1), m.group(2)) : found(m, m.group(3), m.group(2), m.group(1));
        }
        m = VI.matcher(line);
        if (m.find()) return m.group(3) == null ? yearless(m) : found(m, m.group(3), m.group(2), m.group(1));
        m = dayMonthYear.matcher(line);
        if (m.find()) {
            Integer month = monthNumbers.get(m.group(2).toLowerCase(Locale.ROOT));
            if (month != null) return m.group(3) == null ? yearless(m) : found(m, m.group(3), String.valueOf(month), m.group(1));
        }
        m = monthFirst(line);
        if (m != null) {
            Integer month = monthNumbers.get(m.group(1).toLowerCase(Locale.ROOT));
            if (month != null) return m.group(3) == null ? yearless(m) : found(m, m.group(3), String.valueOf(month), m.group(2));
        }
        m = NUMERIC_DM.matcher(line);
        if (m.find()) {
            int d = Integer.parseInt(m.group(1)), mo = Integer.parseInt(m.group(2));
            if (d >= 1 && d <= 31 && mo >= 1 && mo <= 12) return yearless(m);
        }
        return null;
    }

    /** What {@code \\s} matches in these patterns (they do not ask for Unicode classes). */
    private static final String SPACE = " \t\n\u000B\f\r";

    /** How a case-insensitive Unicode pattern compares a char of the text with one of its own. */
    private static char fold(char c) {
        return (char) Character.toLowerCase(Character.toUpperCase(c));
    }

    /**
     * {@link #monthDayYear} found in {@code line}, or null. The pattern tries every month name at
     * every position, most of the cost of finding dates; a name ends right before
     * {@code .? \s+ digit}, so only the starts a name's length before such a place are tried,
     * in order.
     */
    Matcher monthFirst(String line) {
        Matcher m = monthDayYear.matcher(line);
        if (lastChars == null) return m.find() ? m : null;
        // a start tried alone must see the text around it as a search of the whole line does (\b)
        m.useTransparentBounds(true).useAnchoringBounds(false);
        int tried = 0;
        for (int j = 1; j < line.length(); j++) {
            char c = line.charAt(j);
            if (c < '0' || c > '9' || SPACE.indexOf(line.charAt(j - 1)) < 0) continue;
            int k = j - 1;
            while (k >= 0 && SPACE.indexOf(line.charAt(k)) >= 0) k--;
            if (k < 0) continue;
            boolean endsAfter = mayEndName(line.charAt(k)); // the name ends at k + 1, or at k before a '.'
            boolean endsBefore = k >= 1 && line.charAt(k) == '.' && mayEndName(line.charAt(k - 1));
            if (!endsAfter && !endsBefore) continue;
            int to = endsAfter ? k + 1 : k;
            for (int start = Math.max(tried, (endsBefore ? k : k + 1) - longestName); start < to; start++) {
                if (m.region(start, line.length()).lookingAt()) return m;
            }
            tried = Math.max(tried, to);
        }
        return null;
    }

    /** Whether the pattern would take {@code c} for the last char of a month name: it compares {@code c} and its fold. */
    private boolean mayEndName(char c) {
        return lastChars.indexOf(c) >= 0 || lastChars.indexOf(fold(c)) >= 0;
    }

    /** The pattern {@link #monthFirst} stands for, for its property test. */
    Pattern monthDayYear() {
        return monthDayYear;
    }

    private static boolean hasDigit(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c >= '0' && c <= '9') return true;
        }
        return false;
    }

    private static Found yearless(Matcher m) {
        return new Found(null, m.group());
    }

    private static Found found(Matcher m, String y, String mo, String d) {
        try {
            int year = Integer.parseInt(y);
            if (year < 1900 || year > 2100) return null;
            return new Found(LocalDate.of(year, Integer.parseInt(mo), Integer.parseInt(d)), m.group());
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
