package briefing.lang;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The tables answer as {@link Character} does, for every char. */
class CharsTest {
    @Test
    void everyCharAsCharacterAnswers() {
        for (int i = 0; i <= Character.MAX_VALUE; i++) {
            char c = (char) i;
            String at = "U+" + Integer.toHexString(i);
            assertEquals(Character.toLowerCase(c), Chars.lower(c), at);
            assertEquals(Character.isLetter(c), Chars.isLetter(c), at);
            assertEquals(Character.isLetterOrDigit(c), Chars.isLetterOrDigit(c), at);
            assertEquals(Character.getType(c) == Character.UPPERCASE_LETTER, Chars.isUppercaseLetter(c), at);
            assertEquals(Character.isUpperCase(c), Chars.isUpperCase(c), at);
        }
    }
}
