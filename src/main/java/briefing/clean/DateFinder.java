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
        m = monthDayYear.matcher(line);
        if (m.find()) {
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
