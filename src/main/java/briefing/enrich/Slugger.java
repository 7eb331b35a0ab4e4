package briefing.enrich;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/** Makes URL-safe slugs: {@code [a-z0-9-]+}, never empty, never a path or a reserved name. Thread-safe. */
public final class Slugger {
    private static final int MAX = 80;
    private static final Set<String> RESERVED = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3", "com4",
            "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8",
            "lpt9", "index", "assets", "topics", "page", "parallel", "search", "articles", "feed");

    private Slugger() {}

    /** The slug of {@code text}: diacritics folded ({@code đ} to {@code d}), lower case, words joined by '-'. */
    public static String slug(String text) {
        String folded = fold(text == null ? "" : text).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        boolean dash = false;
        for (int i = 0; i < folded.length() && sb.length() < MAX; i++) {
            char c = folded.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (dash && sb.length() > 0) sb.append('-');
                sb.append(c);
                dash = false;
            } else {
                dash = true;
            }
        }
        String s = sb.toString();
        if (s.isEmpty()) return "article";
        return RESERVED.contains(s) ? s + "-article" : s;
    }

    /** Removes diacritics; letters NFD does not decompose ({@code đ}, {@code ß}, {@code ł}...) get their usual Latin spelling. */
    public static String fold(String text) {
        String d = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) continue;
            String special = switch (c) {
                case 'đ' -> "d";
                case 'Đ' -> "D";
                case 'ß' -> "ss";
                case 'æ' -> "ae";
                case 'Æ' -> "AE";
                case 'ø' -> "o";
                case 'Ø' -> "O";
                case 'ł' -> "l";
                case 'Ł' -> "L";
                case 'œ' -> "oe";
                case 'Œ' -> "OE";
                case 'þ' -> "th";
                default -> null;
            };
            if (special != null) sb.append(special);
            else sb.append(c);
        }
        return sb.toString();
    }
}
