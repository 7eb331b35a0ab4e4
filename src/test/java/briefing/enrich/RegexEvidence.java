package briefing.enrich;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The regular-expression implementation of {@link Evidence#of} that the hand-written scanner
 * replaced, kept as the reference it is compared against ({@code EvidencePropertiesTest}).
 */
final class RegexEvidence {
    private static final Pattern NUMBER = Pattern.compile("(?=\\d)(?<![\\p{L}\\d])(\\d{1,3}(?:[.,]\\d{3})+|\\d+(?:[.,]\\d+)?)(\\s?%)?");
    private static final Pattern URL = Pattern.compile("https?://\\S+");
    private static final Pattern NAME = Pattern.compile("\\b\\p{Lu}[\\p{L}'’-]++(?:\\s++\\p{Lu}[\\p{L}'’-]++)+");
    private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");

    private RegexEvidence() {}

    static Evidence of(List<String> paragraphs) {
        Set<String> f = new LinkedHashSet<>();
        int length = 0;
        for (String p : paragraphs) {
            length += p.length();
            Matcher m = NUMBER.matcher(p);
            while (m.find()) {
                String n = normalise(m.group(1));
                if (n == null) continue;
                if (m.group(2) != null) f.add("%" + n);
                else if (YEAR.matcher(n).matches()) f.add("y" + n);
                else if (n.length() > 1) f.add("n" + n);
            }
            if (p.contains("://")) {
                Matcher u = URL.matcher(p);
                while (u.find()) f.add("u" + u.group());
            }
            Matcher nm = NAME.matcher(p);
            while (nm.find()) {
                if (isLatin(nm.group())) {
                    for (String name : names(nm.group())) f.add("a" + name);
                }
            }
        }
        return new Evidence(f, paragraphs.size(), length);
    }

    private static List<String> names(String run) {
        String[] w = run.split("\\s+");
        List<String> out = new ArrayList<>();
        if (w.length >= 2) out.add((w[w.length - 2] + " " + w[w.length - 1]).toLowerCase(java.util.Locale.ROOT));
        return out;
    }

    private static boolean isLatin(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80 || !Character.isLetter(c)) continue;
            if (c > 0x24F || Slugger.fold(String.valueOf(c)).charAt(0) != c) return false;
        }
        return true;
    }

    private static String normalise(String n) {
        int last = Math.max(n.lastIndexOf('.'), n.lastIndexOf(','));
        String digits;
        if (last < 0) digits = n;
        else if (n.length() - last - 1 == 3) {
            digits = n.replace(".", "").replace(",", "");
        } else {
            digits = n.substring(0, last).replace(".", "").replace(",", "") + "." + n.substring(last + 1);
        }
        try {
            double v = Double.parseDouble(digits);
            return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
