package briefing.clean;

import briefing.lang.LanguageData;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognizes lines by the cue words in the language data: whole-line cues ("Comments (3)",
 * "Xem thêm", "Quelle"), leading cues ("Source: ...", "Foto: VNA") and, for related lists,
 * short headers that open with a cue of two words or more ("More from Europe"). Thread-safe.
 */
final class Cues {
    private static final Pattern VIEWS_COUNT = Pattern.compile("[\\s:]*\\d");
    private static final Pattern NUMBER_AFTER = Pattern.compile("[\\s:(\\[]*\\d+.*");
    /** What may follow a whole-line cue besides white space: counters and punctuation ("Komentar (0)"). */
    private static final String COUNTER_CHARS = ":()[]{}|·•-–—0123456789.,";

    private final Opening source, comments, related, relatedPhrases, caption, byline, posted, views, ads, furniture, about, staff, blurb, tags;
    /** Calls to action that open a sentence ("Subscribe to ...", "Sign up for ..."). */
    private final Opening signup;

    Cues(LanguageData data) {
        source = sorted(data.cues("source"));
        comments = sorted(data.cues("comments"));
        related = sorted(data.cues("related"));
        relatedPhrases = new Opening(related.all.stream().filter(c -> c.indexOf(' ') > 0).toList());
        caption = sorted(data.cues("caption"));
        byline = sorted(data.cues("byline"));
        posted = sorted(data.cues("posted"));
        views = sorted(data.cues("views"));
        ads = sorted(data.cues("ads"));
        furniture = sorted(data.cues("furniture"));
        signup = sorted(data.cues("signup"));
        about = sorted(data.cues("about"));
        staff = sorted(data.cues("staff"));
        blurb = sorted(data.cues("blurb"));
        tags = sorted(data.cues("tags"));
    }

    private static Opening sorted(Set<String> cues) {
        return new Opening(cues.stream().sorted(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s)).toList());
    }

    /**
     * Cues, longest first, and for each first char the ones a line opening with it can open
     * with, in the same order: every line is tried against several hundred cues of all languages.
     */
    static final class Opening {
        final List<String> all;
        private final Map<Character, List<String>> byFirst = new HashMap<>();
        /** The empty cue, which opens every line: last, as the shortest. */
        private final List<String> empty;

        Opening(List<String> all) {
            this.all = all;
            empty = all.contains("") ? List.of("") : List.of();
            for (String c : all) if (!c.isEmpty()) byFirst.computeIfAbsent(c.charAt(0), k -> new ArrayList<>()).add(c);
            byFirst.replaceAll((k, v) -> {
                List<String> l = new ArrayList<>(v);
                l.addAll(empty);
                return List.copyOf(l);
            });
        }

        /** The cues {@code lower} may start with, in order. */
        List<String> of(String lower) {
            return of(lower, 0);
        }

        /** The cues {@code lower} may hold at {@code at}, in order. */
        List<String> of(String lower, int at) {
            return at >= lower.length() ? empty : byFirst.getOrDefault(lower.charAt(at), empty);
        }
    }

    static String lower(String line) {
        return line.toLowerCase(Locale.ROOT);
    }

    /** The cue that is the whole line, give or take counters and punctuation ("Komentar (0)"). */
    private static String whole(Opening cues, String lower) {
        for (String c : cues.of(lower)) {
            if (lower.startsWith(c) && counterOnly(lower, c.length())) return c;
        }
        return null;
    }

    /** Whether {@code lower} from {@code from} on is only white space and {@link #COUNTER_CHARS}. */
    private static boolean counterOnly(String lower, int from) {
        for (int i = from; i < lower.length(); i++) {
            char ch = lower.charAt(i);
            if (!Character.isWhitespace(ch) && COUNTER_CHARS.indexOf(ch) < 0) return false;
        }
        return true;
    }

    /** The cue that opens the line, followed by a colon or a dash ("Source: x", "Foto - VNA"). */
    private static String leading(Opening cues, String lower) {
        for (String c : cues.of(lower)) {
            if (lower.startsWith(c)) {
                int i = c.length();
                while (i < lower.length() && Character.isWhitespace(lower.charAt(i))) i++;
                char next = i < lower.length() ? lower.charAt(i) : ' ';
                if (next == ':' || next == '：' || next == '|') return c;
            }
        }
        return null;
    }

    String sourceLine(String lower) {
        String c = leading(source, lower);
        return c != null ? c : whole(source, lower);
    }

    /** A source cue standing anywhere in {@code lower} as a word of its own ("nasa via ap"); for short texts. */
    String sourceWord(String lower) {
        return anyWord(source, lower);
    }

    /** A word naming a writer's job standing anywhere in {@code lower} ("... is a reporter for ..."); for short texts. */
    String staffWord(String lower) {
        return anyWord(staff, lower);
    }

    /** A word linking a writer's name to their job that opens {@code lower} ("is a reporter for ..."). */
    String blurbLink(String lower) {
        return openingWord(blurb, lower);
    }

    private static String anyWord(Opening cues, String lower) {
        for (String c : cues.all) {
            for (int at = lower.indexOf(c); at >= 0; at = lower.indexOf(c, at + 1)) {
                int end = at + c.length();
                if ((at == 0 || !Character.isLetter(lower.charAt(at - 1))) && wordEndsAt(lower, end)) return c;
            }
        }
        return null;
    }

    /**
     * A list of the article's tags after a cue and a colon ("Filed under: Health, Michigan,
     * virus"): a comma after the colon, and no end punctuation. A subheading after a colon
     * ("Themen: Was die Koalition plant") is a phrase, not a list.
     */
    String tagsLine(String lower) {
        String c = leading(tags, lower);
        return c != null && lower.indexOf(',', c.length()) > 0 && !TextCleaner.terminal(lower) ? c : null;
    }

    /** A header of a box about the author that names no one ("About the author"). */
    String aboutLine(String lower) {
        return whole(about, lower);
    }

    /** An about cue opening the line as a word of its own, before a name ("Über Anna Schmidt"). */
    String aboutOpening(String lower) {
        return openingWord(about, lower);
    }

    String commentsLine(String lower) {
        return whole(comments, lower);
    }

    /** A short line counting comments ("34 Comments", "Comments: 12", "Permalink 34 Comments Feed"). */
    String commentCount(String lower) {
        // a counter has a digit; most lines have none, and looking for every cue costs more
        if (lower.length() > 80 || !hasDigit(lower)) return null;
        for (String c : comments.all) {
            int at = lower.indexOf(c);
            if (at < 0) continue;
            int end = at + c.length();
            boolean wordEnd = wordEndsAt(lower, end);
            boolean numberBefore = at >= 2 && Character.isDigit(lower.charAt(at - 2)) && lower.charAt(at - 1) == ' ';
            boolean numberAfter = NUMBER_AFTER.matcher(lower).region(end, lower.length()).matches();
            if (wordEnd && (at == 0 || lower.charAt(at - 1) == ' ') && (numberBefore || numberAfter)) return c;
        }
        return null;
    }

    /** Whether no letter follows {@code end}: a cue found there is a word of its own, not the start of a longer one. */
    private static boolean wordEndsAt(String s, int end) {
        return end == s.length() || !Character.isLetter(s.charAt(end));
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) if (Character.isDigit(s.charAt(i))) return true;
        return false;
    }

    /** Most words of a related-list header that names its list after the cue ("More from Europe"). */
    private static final int RELATED_HEADER_WORDS = 5;

    String relatedLine(String lower) {
        String c = whole(related, lower);
        if (c == null) c = leading(related, lower);
        // a single word ("najnowsze", "terbaru") also opens ordinary subheadings; a phrase does not
        if (c == null && !TextCleaner.terminal(lower) && atMostWords(lower, RELATED_HEADER_WORDS)) c = openingWord(relatedPhrases, lower);
        return c;
    }

    /** Whether {@code lower} holds at most {@code max} words; stops counting past them, as most lines are long. */
    private static boolean atMostWords(String lower, int max) {
        int words = 0;
        boolean in = false;
        for (int i = 0; i < lower.length(); i++) {
            boolean space = Character.isWhitespace(lower.charAt(i));
            if (!space && !in && ++words > max) return false;
            in = !space;
        }
        return true;
    }

    String furnitureLine(String lower) {
        String c = whole(furniture, lower);
        if (c == null) c = whole(ads, lower);
        return c != null ? c : whole(views, lower);
    }

    /**
     * A sign-up cue opening one of the line's sentences as a word of its own: a call to action
     * set as prose ("Subscribe to our newsletter.", "Need more? Sign up for ...").
     */
    String callToAction(String lower) {
        for (int at = 0; at >= 0; at = sentenceAfter(lower, at)) {
            String c = openingWord(signup, lower, at);
            if (c != null) return c;
        }
        return null;
    }

    /** Where the sentence after the one starting at {@code from} starts, or -1. */
    private static int sentenceAfter(String lower, int from) {
        for (int i = from; i + 2 < lower.length(); i++) {
            char c = lower.charAt(i);
            if ((c == '.' || c == '?' || c == '!') && lower.charAt(i + 1) == ' ') return i + 2;
        }
        return -1;
    }

    /** A view cue as a word of its own before a count ("Views: 1,204"); "reviews 2024" counts nothing. */
    String viewsIn(String lower) {
        for (String c : views.all) {
            for (int at = lower.indexOf(c); at >= 0; at = lower.indexOf(c, at + 1)) {
                boolean wordStart = at == 0 || !Character.isLetter(lower.charAt(at - 1));
                if (wordStart && VIEWS_COUNT.matcher(lower).region(at + c.length(), lower.length()).lookingAt()) return c;
            }
        }
        return null;
    }

    String postedLine(String lower) {
        return openingWord(posted, lower);
    }

    /** The cue that opens the line as a word of its own, whatever follows ("Posted 12:40", "Image via ..."). */
    private static String openingWord(Opening cues, String lower) {
        return openingWord(cues, lower, 0);
    }

    /** The cue that stands at {@code at} in {@code lower} as a word of its own. */
    private static String openingWord(Opening cues, String lower, int at) {
        for (String c : cues.of(lower, at)) {
            int end = at + c.length();
            if (lower.startsWith(c, at) && wordEndsAt(lower, end)) return c;
        }
        return null;
    }

    /** A byline's cue, when the line reads "By Name" or "Author: Name". */
    String bylineLine(String lower) {
        String c = leading(byline, lower);
        if (c != null) return c;
        for (String b : byline.of(lower)) {
            if (lower.startsWith(b) && lower.length() > b.length() && lower.charAt(b.length()) == ' ' && lower.length() - b.length() < 60) return b;
        }
        return null;
    }

    /** A byline cue that opens the line as a word of its own, whatever follows ("By Name on Monday ..."). */
    String bylineOpening(String lower) {
        return openingWord(byline, lower);
    }

    /** A caption or credit cue that opens the line as a word of its own ("Image copyright Getty Images"). */
    String captionOpening(String lower) {
        return openingWord(caption, lower);
    }

    /** A caption or credit cue that opens the line or follows a sentence in it ("... . Foto: VNA"). */
    String captionCue(String lower) {
        String c = leading(caption, lower);
        if (c != null) return c;
        // a cue inside the line counts only before a colon; prose lines mostly have none
        if (lower.indexOf(':') < 0 && lower.indexOf('：') < 0) return null;
        String stripped = lower.strip();
        // in a sentence, only after a sentence or in brackets: "Die Ausstellung zeigt 200 Fotos: Porträts ..." is no credit
        boolean sentence = !stripped.isEmpty() && ".!?".indexOf(stripped.charAt(stripped.length() - 1)) >= 0;
        for (String cue : caption.all) {
            int at = lower.lastIndexOf(cue);
            while (at > 0) {
                char before = lower.charAt(at - 1);
                String rest = lower.substring(at + cue.length()).stripLeading();
                boolean boundary = before == ' ' || before == '(' || before == '[' || before == '|';
                String head = lower.substring(0, at).stripTrailing();
                boolean placed = !sentence || before == '(' || before == '['
                        || !head.isEmpty() && ".!?".indexOf(head.charAt(head.length() - 1)) >= 0;
                if (boundary && placed && (rest.startsWith(":") || rest.startsWith("：")) && rest.length() < 80) return cue;
                at = lower.lastIndexOf(cue, at - 1);
            }
        }
        return null;
    }
}
