package briefing.lang;

/**
 * {@link Character}'s answers for one char, read from tables made once. Tagging and language
 * detection ask them of every letter of every article; for Vietnamese, nearly every other
 * letter is beyond ASCII, where {@link Character} looks through its Unicode tables (a third of
 * the cost of splitting a text into words). The answers are those of {@link Character} for a
 * {@code char}: a surrogate is no letter and lower-cases to itself. ({@code CharsTest} checks
 * every char.)
 */
public final class Chars {
    private static final byte LETTER = 1, DIGIT = 2, UPPERCASE_LETTER = 4;
    private static final char[] LOWER = new char[Character.MAX_VALUE + 1];
    private static final byte[] KIND = new byte[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            LOWER[c] = Character.toLowerCase((char) c);
            KIND[c] = (byte) ((Character.isLetter((char) c) ? LETTER : 0) | (Character.isDigit((char) c) ? DIGIT : 0)
                    | (Character.getType((char) c) == Character.UPPERCASE_LETTER ? UPPERCASE_LETTER : 0));
        }
    }

    private Chars() {}

    /** {@link Character#toLowerCase(char)}. */
    public static char lower(char c) {
        return LOWER[c];
    }

    /** {@link Character#isLetter(char)}. */
    public static boolean isLetter(char c) {
        return (KIND[c] & LETTER) != 0;
    }

    /** {@link Character#isLetterOrDigit(char)}. */
    public static boolean isLetterOrDigit(char c) {
        return (KIND[c] & (LETTER | DIGIT)) != 0;
    }

    /** Whether {@link Character#getType(char)} is {@link Character#UPPERCASE_LETTER}. */
    public static boolean isUppercaseLetter(char c) {
        return (KIND[c] & UPPERCASE_LETTER) != 0;
    }
}
