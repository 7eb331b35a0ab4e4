package briefing.lang;

/**
 * {@link Character}'s answers for one char, read from tables made once. Tagging and language
 * detection ask them of every letter of every article; for Vietnamese, nearly every other
 * letter is beyond ASCII, where {@link Character} looks through its Unicode tables. The answers
 * are those of {@link Character} for a {@code char}: a surrogate is no letter and lower-cases to
 * itself. ({@code CharsTest} checks every char.)
 */
public final class Chars {
    /**
     * The chars in the tables: those below U+0300 (Latin letters, their marks and punctuation) at
     * their own index, and from Vietnamese's Latin Extended Additional (U+1E00–U+1EFF) through
     * General Punctuation (curly quotes, dashes, the ellipsis, which news text is full of; up to
     * U+206F) after them. Other chars ask {@link Character}: a table of every char took 24–32 ms
     * to make at start-up, these a few ms.
     */
    private static final int LOW_END = 0x300, EXTENDED = 0x1E00, EXTENDED_END = 0x2070;
    private static final byte LETTER = 1, DIGIT = 2, UPPERCASE_LETTER = 4, UPPER_CASE = 8;
    private static final int LETTER_TYPES = 1 << Character.UPPERCASE_LETTER | 1 << Character.LOWERCASE_LETTER
            | 1 << Character.TITLECASE_LETTER | 1 << Character.MODIFIER_LETTER | 1 << Character.OTHER_LETTER;
    private static final char[] LOWER = new char[LOW_END + EXTENDED_END - EXTENDED];
    private static final byte[] KIND = new byte[LOWER.length];

    static {
        for (int i = 0; i < LOWER.length; i++) {
            char c = (char) (i < LOW_END ? i : i - LOW_END + EXTENDED);
            LOWER[i] = Character.toLowerCase(c);
            // the type tells the first three, one lookup
            int type = Character.getType(c);
            KIND[i] = (byte) (((LETTER_TYPES >> type & 1) != 0 ? LETTER : 0) | (type == Character.DECIMAL_DIGIT_NUMBER ? DIGIT : 0)
                    | (type == Character.UPPERCASE_LETTER ? UPPERCASE_LETTER : 0) | (Character.isUpperCase(c) ? UPPER_CASE : 0));
        }
    }

    /** Where {@code c} is in the tables, or -1. */
    private static int slot(char c) {
        return c < LOW_END ? c : c >= EXTENDED && c < EXTENDED_END ? c - EXTENDED + LOW_END : -1;
    }

    private Chars() {}

    /** {@link Character#toLowerCase(char)}. */
    public static char lower(char c) {
        int i = slot(c);
        return i >= 0 ? LOWER[i] : Character.toLowerCase(c);
    }

    /** {@link Character#isLetter(char)}. */
    public static boolean isLetter(char c) {
        int i = slot(c);
        return i >= 0 ? (KIND[i] & LETTER) != 0 : Character.isLetter(c);
    }

    /** {@link Character#isLetterOrDigit(char)}. */
    public static boolean isLetterOrDigit(char c) {
        int i = slot(c);
        return i >= 0 ? (KIND[i] & (LETTER | DIGIT)) != 0 : Character.isLetterOrDigit(c);
    }

    /** {@link Character#isUpperCase(char)}: capital letters and the other chars Unicode calls upper case (Ⓐ, Ⅻ). */
    public static boolean isUpperCase(char c) {
        int i = slot(c);
        return i >= 0 ? (KIND[i] & UPPER_CASE) != 0 : Character.isUpperCase(c);
    }

    /** Whether {@link Character#getType(char)} is {@link Character#UPPERCASE_LETTER}. */
    public static boolean isUppercaseLetter(char c) {
        int i = slot(c);
        return i >= 0 ? (KIND[i] & UPPERCASE_LETTER) != 0 : Character.getType(c) == Character.UPPERCASE_LETTER;
    }
}
