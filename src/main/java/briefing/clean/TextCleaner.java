package briefing.clean;

import briefing.lang.Chars;
import briefing.lang.LanguageDetector;
import briefing.model.Block;
import briefing.model.LineVerdict;
import briefing.model.LineVerdict.Role;
import briefing.model.Problem;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits the lines of a page copied as plain text into the article and the page around it.
 * Each line gets a role from signals that hold across sites and languages: its shape
 * (length, end punctuation, capitals), its position relative to the article's main block
 * of prose, cue words, dates, URLs, its language against the article's, and whether the
 * same line recurs across several files. Thread-safe; the input is not modified.
 */
final class TextCleaner {
    static final Pattern URL = Pattern.compile("(?i)\\bhttps?://\\S+|\\bwww\\.[\\w-]+\\.\\S+");
    // Linear on any line: one start per run of name characters (the lookbehind), and no
    // repeated group, whose backtracking recursed once per label (StackOverflowError on
    // "a.a.a…" lines) and restarted inside long runs (quadratic on a 5 MB word).
    static final Pattern DOMAIN_LINE = Pattern.compile("(?i)(?<![\\p{L}\\p{N}.-])[\\p{L}\\p{N}-][\\p{L}\\p{N}.-]*?\\.(vn|com|net|org|de|id|co|uk|fr|es|pl|info|news|tv|io|eu|at|ch|it|nl|jp|kr|cn|ru|au|us|gov|edu)(/\\S*)?");
    private static final Pattern IMAGE_PLACEHOLDER = Pattern.compile("(?iu).*[-–—]\\s*(ảnh|hình|photo|foto|image|bild)\\s*\\d+\\s*\\.?");
    private static final Pattern BRACKET_TOKEN = Pattern.compile("\\[[\\p{L}_\\-]+[_\\- ]?\\d*]");
    /**
     * A photo credit without a cue word: capitalised names joined by slashes, perhaps with a
     * space after each, nothing else ("Sakib Ali/Hindustan Times/Getty Images", "AFP/Getty
     * Images", "J. Name / AP file").
     */
    private static final Pattern CREDIT = Pattern.compile("\\p{Lu}[\\p{L}.'’\\- ]*(?:/ ?\\p{Lu}[\\p{L}.'’\\- ]*)+");
    static final Pattern COPYRIGHT = Pattern.compile("(?i)©|\\(c\\)\\s*(19|20)\\d\\d|\\bcopyright\\b");
    private static final Pattern CLOCK = Pattern.compile("(?<!\\d)\\d{1,2}[:h]\\d{2}(?!\\d)");

    /** Below this share of stop words a long unpunctuated line is a list, not prose. */
    private static final double MIN_STOPWORD_SHARE = 0.1;

    private final Cues cues;
    private final DateFinder dates;
    private final LanguageDetector detector;

    TextCleaner(Cues cues, DateFinder dates, LanguageDetector detector) {
        this.cues = cues;
        this.dates = dates;
        this.detector = detector;
    }

    /** The outcome of classifying the lines of one text. */
    record Result(String title, LocalDate date, LocalTime time, String author, String publication, String sourceUrl,
                  List<Block> blocks, List<String> removed, List<LineVerdict> verdicts) {}

    /** Whitespace-separated words, and for scripts written without spaces two characters to a word. */
    static int words(String text) {
        int words = 0, dense = 0;
        boolean in = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (whitespace(c)) {
                in = false;
            } else {
                if (!in) words++;
                in = true;
                if (c >= 0x3040 && c <= 0x30FF || c >= 0x4E00 && c <= 0x9FFF) dense++;
            }
        }
        return words + dense / 2;
    }

    /** The first white space char past ASCII (Ogham's space mark): no char between it and the ASCII space is white space. */
    static final char FIRST_WIDE_SPACE = '\u1680';

    /**
     * {@link Character#isWhitespace(char)}: asked of every char of every line. Small enough to be
     * inlined, so that most chars are answered by one comparison where they are asked.
     */
    static boolean whitespace(char c) {
        return (c <= ' ' || c >= FIRST_WIDE_SPACE) && whitespaceOutsideGap(c);
    }

    /** {@link #whitespace} for a char at or below the ASCII space or from {@link #FIRST_WIDE_SPACE} on. */
    private static boolean whitespaceOutsideGap(char c) {
        return c <= ' ' ? c == ' ' || c <= 13 && c >= 9 || c >= 28 : Character.isWhitespace(c);
    }

    /**
     * Nothing a reader sees: copied pages put no-break and zero-width spaces on lines of their
     * own between paragraphs, which {@code strip()} keeps.
     */
    static boolean blank(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && Character.getType(c) != Character.FORMAT) return false;
        }
        return true;
    }

    /** Ends with sentence punctuation, perhaps inside closing quotes or brackets. */
    static boolean terminal(String text) {
        int i = text.length() - 1;
        while (i >= 0 && "'\"”’»)]".indexOf(text.charAt(i)) >= 0) i--;
        return i >= 0 && ".!?…。！？:;".indexOf(text.charAt(i)) >= 0;
    }

    /** Fewest words of a sentence that may end in a web address instead of a full stop. */
    private static final int SENTENCE_BEFORE_ADDRESS = 8;
    /** Longest web address looked for at a line's end. */
    private static final int ADDRESS_CHARS = 100;

    /**
     * Ends with a web address ("..., please visit: www.example.com"): writers leave out the
     * full stop after one so that it is not read as part of the address.
     */
    private static boolean endsWithAddress(String text) {
        String last = text.substring(text.lastIndexOf(' ') + 1);
        // the patterns backtrack over a long token (a sentence in a script without spaces)
        return last.length() <= ADDRESS_CHARS && (URL.matcher(last).matches() || DOMAIN_LINE.matcher(last).matches());
    }

    /** Fewer words than a paragraph has: a teaser's headline. */
    private static final int TEASER_WORDS = 15;

    /** Ends with an ellipsis: how teasers and headlines in lists of other stories are cut short. */
    static boolean truncated(String text) {
        return text.endsWith("...") || text.endsWith("…");
    }

    /** Fewest words of the headline in a teaser glued onto its sentence: a dateline ("Hong Kong (CNN)") has fewer. */
    private static final int GLUED_HEADLINE_WORDS = 5;
    /** Fewest words of the sentence after a glued headline. */
    private static final int GLUED_SENTENCE_WORDS = 6;

    /**
     * A teaser copied from a list of other stories, where the headline and its first sentence
     * sat in two elements with no space between them: a capitalised headline of five words or
     * more, then with no space a sentence ("... In Detroit's Rivertown NeighborhoodVisiting
     * Rivertown, or just ..."). The join is a capital right after three lower-case letters, or
     * after a closing bracket or a digit and before a lower-case word ("(This Morning)Some",
     * "11/15You"); names written that way ("MacBook", "AirPods", "120Hz") have a shorter
     * part before the capital or after it, and text with such a name in it is no headline.
     */
    private boolean gluedTeaser(String text) {
        int n = text.length();
        for (int k = 3; k + 1 < n; k++) {
            char c = text.charAt(k);
            // every char of every prose line is asked: ASCII's capitals are known, others' read from Chars' tables
            if (c < 0x80 ? c < 'A' || c > 'Z' : !Chars.isUpperCase(c)) continue;
            char p = text.charAt(k - 1);
            boolean afterWord = Character.isLowerCase(p) && Character.isLowerCase(text.charAt(k - 2))
                    && Character.isLowerCase(text.charAt(k - 3))
                    && (Character.isLowerCase(text.charAt(k + 1)) || Character.isWhitespace(text.charAt(k + 1)));
            boolean afterMark = (p == ')' || Character.isDigit(p)) && k + 2 < n
                    && Character.isLowerCase(text.charAt(k + 1)) && Character.isLowerCase(text.charAt(k + 2));
            if (!(afterWord || afterMark)) continue;
            String head = text.substring(0, k), sentence = text.substring(k);
            if (words(head) >= GLUED_HEADLINE_WORDS && capitalised(head) && words(sentence) >= GLUED_SENTENCE_WORDS
                    && !(detector.stopwordShare(sentence) < MIN_STOPWORD_SHARE)) return true;
        }
        return false;
    }

    /** One non-empty line with the features the rules read. */
    private final class Line {
        final int no;
        final String text;
        final String lower;
        final int words;
        final boolean terminal;
        final boolean prose;
        /** A headline with its teaser's sentence glued on ("... Strike PossibleThe union said ..."). */
        final boolean glued;
        /** The same line stands elsewhere in this page too: a menu entry, a teaser, a repeated caption. */
        boolean repeated;
        Role role;
        String reason;
        private String lang;
        private boolean langDone;
        private DateFinder.Found date;
        private boolean dateDone;

        Line(int no, String text) {
            this.no = no;
            this.text = text;
            this.lower = Cues.lower(text);
            this.words = words(text);
            // a headline's length cut off with an ellipsis is a teaser, not a sentence; a
            // paragraph may trail off in one
            this.terminal = terminal(text) && !(words < TEASER_WORDS && truncated(text))
                    || words >= SENTENCE_BEFORE_ADDRESS && endsWithAddress(text);
            // a long line without end punctuation is prose only if it reads like it: a string of
            // keywords or of other stories' headlines has few stop words
            boolean prose = (words >= 6 && terminal && !text.endsWith(":"))
                    || words >= 25 && !(detector.stopwordShare(text) < MIN_STOPWORD_SHARE);
            this.glued = prose && gluedTeaser(text);
            this.prose = prose && !glued;
        }

        /** The date the line states, found once: several rules ask, and finding it is a few patterns' search. */
        DateFinder.Found date() {
            if (!dateDone) {
                date = dates.find(text);
                dateDone = true;
            }
            return date;
        }

        String lang() {
            if (!langDone) {
                lang = words >= 2 ? detector.detectLine(text) : null;
                langDone = true;
            }
            return lang;
        }

        void set(Role role, String reason) {
            this.role = role;
            this.reason = reason;
        }
    }

    /**
     * Classifies {@code rawLines}.
     *
     * @param firstLine   the file line number of {@code rawLines[0]}
     * @param articleLang the article's language, or null to detect it here
     * @param furniture   lines (lower case) that recur across many files of the site
     */
    Result clean(List<String> rawLines, int firstLine, String articleLang, Set<String> furniture, String file,
                 List<Problem> problems) {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < rawLines.size(); i++) {
            String t = rawLines.get(i).strip();
            if (!blank(t)) lines.add(new Line(firstLine + i, t));
        }
        if (lines.isEmpty()) return new Result(null, null, null, null, null, null, List.of(), List.of(), List.of());
        String lang = articleLang != null ? articleLang : articleLanguage(lines);

        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (Line l : lines) seen.merge(l.lower, 1, Integer::sum);
        for (Line l : lines) l.repeated = seen.get(l.lower) > 1;
        int[] block = underHeader(lines, mainBlock(lines, furniture), lang, furniture);
        int first = block[0];
        int last = listAfter(lines, endBeforeTeaserCards(lines, first,
                endBeforeAuthorBlurb(lines, first, endBeforeAuthorBox(lines, first, endBeforeCallToAction(lines, first, block[1])))),
                furniture);

        Meta meta = new Meta();
        header(lines, first, lang, meta, furniture);
        body(lines, first, last, lang, furniture);
        footer(lines, last, meta, furniture);

        List<Block> blocks = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<LineVerdict> verdicts = new ArrayList<>();
        String title = null;
        for (Line l : lines) {
            verdicts.add(new LineVerdict(l.no, l.text, l.role, l.reason));
            switch (l.role) {
                case TITLE -> title = l.text;
                case CONTENT -> blocks.add(new Block(Block.Kind.PARAGRAPH, l.text, l.no));
                case HEADING -> blocks.add(new Block(Block.Kind.HEADING, l.text, l.no));
                case CAPTION -> blocks.add(new Block(Block.Kind.CAPTION, l.text, l.no));
                default -> removed.add(l.text);
            }
        }
        if (meta.yearlessDate != null && meta.date == null) {
            problems.add(Problem.warning(file, meta.yearlessLine, "the date '" + meta.yearlessDate + "' has no year",
                    "add 'date: YYYY-MM-DD' front matter; no date was guessed"));
        }
        return new Result(title, meta.date, meta.time, meta.author, meta.publication, meta.sourceUrl, blocks, removed, verdicts);
    }

    /** Fewest lines of text under the article's header that make it the article, not a teaser. */
    private static final int HEADED_TEXT_LINES = 5;

    /**
     * The article under its own header when the main block found stands past the article's
     * end: the block has no date line over it, while an earlier headline over a date line
     * heads five or more lines of text (four words or more, not repeated, no capitalised
     * headlines) that end at a related-stories header, a comments cue, a hard boundary or
     * the site's furniture before the block. Then the block is prose of the footer (a
     * disclaimer) or of a sidebar that outweighs an article made mostly of lists or tables,
     * which score low as prose. Otherwise {@code block} unchanged.
     */
    private int[] underHeader(List<Line> lines, int[] block, String lang, Set<String> furniture) {
        int first = block[0];
        for (int i = Math.max(0, first - HEAD_WINDOW); i < first; i++) if (dateLine(lines.get(i))) return block;
        int header = -1;
        for (int i = 0; i < first && header < 0; i++) {
            if (!dateLine(lines.get(i))) continue;
            for (int j = i - 1; j >= Math.max(0, i - 3); j--) {
                Line h = lines.get(j);
                if (h.words >= 2 && !h.repeated && headlineLike(h, lang, furniture)) {
                    header = i;
                    break;
                }
            }
        }
        if (header < 0) return block;
        int end = header, text = 0;
        for (int i = header + 1; i < first; i++) {
            Line l = lines.get(i);
            if (hardBoundary(lines, i) || cues.relatedLine(l.lower) != null && l.words <= 8 || cues.commentsLine(l.lower) != null
                    || furniture.contains(l.lower) || cues.furnitureLine(l.lower) != null) {
                return text >= HEADED_TEXT_LINES ? new int[]{header + 1, end} : block;
            }
            end = i;
            if (!l.repeated && l.words >= 4 && (l.prose || !titleCase(l))) text++;
        }
        // nothing ends the article before the block: it may be the article's own text
        return block;
    }

    /** A short line stating a date: the article's, under its headline, or a teaser's. */
    private boolean dateLine(Line l) {
        return l.words <= 15 && !l.prose && l.date() != null;
    }

    private static final class Meta {
        LocalDate date;
        LocalTime time;
        String yearlessDate;
        int yearlessLine;
        String author, publication, sourceUrl;
    }

    /** Characters of an article's prose its language is told from. */
    private static final int LANGUAGE_SAMPLE = 4000;

    private String articleLanguage(List<Line> lines) {
        // a few thousand characters of prose tell the language as well as the whole page does
        StringBuilder sb = new StringBuilder();
        for (Line l : lines) if (l.prose && sb.length() < LANGUAGE_SAMPLE) sb.append(l.text).append('\n');
        if (sb.length() == 0) for (Line l : lines) if (sb.length() < LANGUAGE_SAMPLE) sb.append(l.text).append('\n');
        String lang = detector.detect(sb.toString());
        return LanguageDetector.UNKNOWN.equals(lang) ? null : lang;
    }

    /**
     * A line that ends an article wherever it stands: a source line, a comment counter, a
     * related-list header, the site's copyright notice (but not a photo's: "Image copyright
     * Reuters", or a credit standing between two paragraphs).
     */
    private boolean hardBoundary(List<Line> lines, int i) {
        Line l = lines.get(i);
        return (cues.sourceLine(l.lower) != null && l.words <= 12) || cues.commentsLine(l.lower) != null
                || (l.words <= 20 && copyright(l.text, l.lower) && cues.captionOpening(l.lower) == null
                    && !betweenProse(lines, i));
    }

    /**
     * {@link #COPYRIGHT} is found in {@code text} ({@code lower} is its {@link Cues#lower}). The
     * pattern was tried at every char of every short line; one without its sign or words, which
     * lower case keeps, cannot hold it.
     */
    static boolean copyright(String text, String lower) {
        return (lower.indexOf('©') >= 0 || lower.contains("(c)") || lower.contains("copyright"))
                && COPYRIGHT.matcher(text).find();
    }

    /**
     * {@link #URL} or {@link #DOMAIN_LINE} is found in {@code text}. Both patterns are tried at
     * every char; a text without {@code ://}, a dot before a letter (a domain's ending) or a dot
     * after a {@code w} ({@code www.}) cannot hold either.
     */
    static boolean holdsAddress(String text) {
        return mayHoldAddress(text) && (URL.matcher(text).find() || DOMAIN_LINE.matcher(text).find());
    }

    private static boolean mayHoldAddress(String text) {
        for (int i = text.indexOf('.'); i >= 0; i = text.indexOf('.', i + 1)) {
            if (i + 1 < text.length() && asciiLetter(text.charAt(i + 1)) || i > 0 && (text.charAt(i - 1) | 0x20) == 'w') return true;
        }
        return text.contains("://");
    }

    private static boolean asciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean betweenProse(List<Line> lines, int i) {
        return i > 0 && i + 1 < lines.size() && lines.get(i - 1).prose && lines.get(i + 1).prose;
    }

    /** A main block's score that shows an article read before: a few paragraphs' words. */
    private static final int ARTICLE_SEEN = 40;

    /**
     * The first and last line of the article's main block: the stretch of lines with the
     * highest sum of line scores (prose counts by its words, fragments, dates and repeated
     * lines count against), never across a hard boundary. Prose after a comment counter
     * ("34 Comments") counts for less: readers' comments follow the article.
     */
    private int[] mainBlock(List<Line> lines, Set<String> furniture) {
        int bestFirst = -1, bestLast = -1, runFirst = -1;
        double best = 0, run = 0;
        boolean afterComments = false, stamped = false;
        boolean[] teaser = teasers(lines);
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            // the article carries one date-and-time stamp above its text; each later one heads
            // a reader's comment ("November 19, 2019 at 6:34 am") and splits the comments apart
            boolean stamp = timeStamp(l);
            boolean commentStamp = stamp && stamped;
            stamped |= stamp;
            if (commentStamp || hardBoundary(lines, i) || cues.commentCount(l.lower) != null && !l.prose) {
                // a "Comments" entry in the menu above the article heads no comment section
                afterComments |= best >= ARTICLE_SEEN && (cues.commentsLine(l.lower) != null
                        || cues.commentCount(l.lower) != null && !nearDateLine(lines, i));
                runFirst = -1;
                run = 0;
                continue;
            }
            double s = teaser[i] && l.prose ? -3 : lineScore(l, furniture);
            // a lone sentence between fragments is how teaser lists read; an article's prose comes in runs
            if (l.prose && i > 0 && i + 1 < lines.size() && !lines.get(i - 1).prose && !lines.get(i + 1).prose) s *= 0.5;
            if (s > 0 && afterComments) s *= 0.1;
            if (runFirst < 0) {
                if (s <= 0) continue;
                runFirst = i;
                run = 0;
            }
            run += s;
            if (run <= 0) {
                runFirst = -1;
                run = 0;
            } else if (run > best) {
                best = run;
                bestFirst = runFirst;
                bestLast = i;
            }
        }
        if (bestFirst < 0) return new int[]{0, lines.size() - 1};
        return new int[]{bestFirst, bestLast};
    }

    /** Prose words before a call to action, per word after it, that show it stands in the article's tail. */
    private static final int TAIL_SHARE = 4;

    /**
     * The main block's last line before a call to action in its tail ("Subscribe to our
     * newsletter.", "Need more? Sign up for ..."): a sentence opening with a sign-up cue where
     * little prose and no long paragraph but another prompt follows. What follows it is the
     * site's sign-up box, the author's blurb and other furniture set as sentences, which the
     * prose score alone carries into the block.
     */
    private int endBeforeCallToAction(List<Line> lines, int first, int last) {
        int total = 0;
        for (int i = first; i <= last; i++) if (lines.get(i).prose) total += lines.get(i).words;
        int before = 0, paragraph = lastParagraph(lines, first, last);
        for (int i = first; i <= last; i++) {
            Line l = lines.get(i);
            if (i > first && l.words >= 3 && (total - before) * TAIL_SHARE <= before && cues.callToAction(l.lower) != null
                    && paragraph < i) {
                return i - 1;
            }
            if (l.prose) before += l.words;
        }
        return last;
    }

    /** Most lines of prose in an author's box: a blurb of a sentence or two. */
    private static final int AUTHOR_BOX_PROSE = 2;

    /**
     * The main block's last line before a box about the author at its end: a header "About
     * the author", or an about cue before a name ("Über Anna Schmidt", "Sobre Carlos Lima")
     * whose blurb names that person again, with no more than a blurb of prose after it. The
     * blurb reads as prose and carries the block past the article's end. A subheading that
     * opens with an about word ("Over Den Haag") is followed by prose that does not repeat it.
     */
    private int endBeforeAuthorBox(List<Line> lines, int first, int last) {
        int prose = 0;
        Line next = null;
        for (int i = last; i > first && prose <= AUTHOR_BOX_PROSE; i--) {
            Line l = lines.get(i);
            if (l.prose) {
                prose++;
                next = l;
            } else if (i < last && prose > 0 && authorHeader(l, next)) {
                return i - 1;
            }
        }
        return last;
    }

    private boolean authorHeader(Line l, Line blurb) {
        if (l.terminal || l.words > 6) return false;
        if (cues.aboutLine(l.lower) != null) return true;
        String cue = cues.aboutOpening(l.lower);
        if (cue == null) return false;
        String name = l.text.substring(cue.length()).strip();
        return nameShaped(name) && blurb.text.contains(name);
    }

    /** Most words of a blurb about the author: a sentence or two. */
    private static final int BLURB_WORDS = 50;

    /**
     * The main block's last line before a blurb about the author among its last two lines of
     * prose: a sentence opening with a name of two to four capitalised words (an address in
     * brackets may follow it) and naming a writer's job ("Anna Schmidt is a reporter for ...",
     * "Jan Nowak (jan@example.com) is the editor of ..."), with the name on a line of its own
     * over it or not. The blurb reads as prose and carries the block past the article's end.
     * A journalist the article is about is named before its last lines; the author is not.
     */
    private int endBeforeAuthorBlurb(List<Line> lines, int first, int last) {
        int prose = 0;
        for (int i = last; i > first && prose < AUTHOR_BOX_PROSE; i--) {
            Line l = lines.get(i);
            if (!l.prose) continue;
            prose++;
            String name = l.words <= BLURB_WORDS ? blurbName(l.text) : null;
            if (name == null) continue;
            int start = lines.get(i - 1).text.equals(name) ? i - 1 : i;
            String surname = name.substring(name.lastIndexOf(' ') + 1);
            boolean named = false;
            for (int j = first; j < start && !named; j++) named = lines.get(j).text.contains(surname);
            if (!named && start > first) return start - 1;
        }
        return last;
    }

    /** Most words of a name opening a blurb. */
    private static final int NAME_WORDS = 4;

    /**
     * The name opening a blurb about a writer, or null: two to four capitalised words, perhaps
     * an address in brackets, then a linking word ("is", "ist", "joined": the `blurb` cues),
     * and a word naming a writer's job later in the first sentence.
     */
    private String blurbName(String text) {
        String[] w = text.split(" ", NAME_WORDS + 4);
        int n = 0;
        while (n < Math.min(NAME_WORDS, w.length - 1) && nameWord(w[n])) n++;
        if (n < 2) return null;
        int next = n;
        if (w[next].startsWith("(")) {
            while (next < w.length - 1 && !w[next].endsWith(")")) next++;
            next++;
        }
        if (next >= w.length || w[next].isEmpty() || !Character.isLowerCase(w[next].charAt(0))) return null;
        // "Name is a reporter for ...", not a source who "told a reporter" in the last paragraph
        if (cues.blurbLink(Cues.lower(String.join(" ", java.util.Arrays.copyOfRange(w, next, w.length)))) == null) return null;
        // "Example News reporter Jan Nowak asked ...": a job right after a newsroom's name introduces someone in the story
        if (cues.staffWord(Cues.lower(w[next])) != null) return null;
        int end = text.indexOf(". ");
        String sentence = Cues.lower(end < 0 ? text : text.substring(0, end));
        return cues.staffWord(sentence) != null ? String.join(" ", java.util.Arrays.copyOf(w, n)) : null;
    }

    /** A capitalised word of a name: letters, with dots, hyphens or apostrophes inside ("J.", "Smith-Jones", "O’Neil"). */
    private static boolean nameWord(String w) {
        if (w.isEmpty() || !Character.isUpperCase(w.charAt(0))) return false;
        for (int i = 1; i < w.length(); i++) {
            char c = w.charAt(i);
            if (!Character.isLetter(c) && c != '.' && c != '-' && c != '\'' && c != '’') return false;
        }
        return true;
    }

    /** Fewest teaser cards under a related-stories header that make it a list, not a box inside the article. */
    private static final int TEASER_CARDS = 2;

    /**
     * The main block's last line before a related-stories header ("You may also like") when
     * every paragraph under it, to the block's end, is a teaser card: followed by a line
     * repeated within the page (the card's share or read-more links). A box inside the
     * article is followed by the article's own paragraphs, which carry no such line; teasers
     * long enough to read as prose would otherwise carry the block past the article's end.
     */
    private int endBeforeTeaserCards(List<Line> lines, int first, int last) {
        // one pass from the block's end keeps the work linear however many cues the block holds
        int end = last, cards = 0;
        boolean allCards = true;
        for (int i = last; i > first && allCards; i--) {
            Line l = lines.get(i);
            if (l.prose) {
                Line after = i + 1 < lines.size() ? lines.get(i + 1) : null;
                if (after != null && after.repeated && !after.prose) cards++;
                else allCards = i == last;
            } else if (i < last && cards >= TEASER_CARDS && l.words <= 8 && cues.relatedLine(l.lower) != null) {
                end = i - 1;
            }
        }
        return end;
    }

    /** Words of a paragraph that only an article has: blurbs and sign-up boxes are shorter. */
    private static final int PARAGRAPH_WORDS = 30;

    /**
     * The block's last paragraph of {@link #PARAGRAPH_WORDS} words or more that is no call to
     * action itself ("Join our forums ..."), or -1: only an article has such paragraphs, and a
     * sign-up box may run on into another prompt.
     */
    private int lastParagraph(List<Line> lines, int first, int last) {
        for (int j = last; j >= first; j--) {
            Line l = lines.get(j);
            if (l.prose && l.words >= PARAGRAPH_WORDS && cues.callToAction(l.lower) == null) return j;
        }
        return -1;
    }

    /** Most lines between two teaser sentences: headline, byline, date and a label. */
    private static final int TEASER_GAP = 4;
    /** Words in a run of paragraphs that shows an article's body: a few short teasers in a row hold fewer. */
    private static final int ARTICLE_RUN_WORDS = 100;

    /**
     * The lines of teaser lists: three or more lone sentences in a row, each with two to four
     * lines of headline, byline or date above and below it, on a page whose article shows
     * itself as a run of three paragraphs or more ({@link #ARTICLE_RUN_WORDS} words or more).
     * Under a single subheading each, an article's paragraphs stand one line apart; the same
     * shape repeated under several short lines is a list of other stories, which the
     * main-block search would otherwise bridge into. A page with no run of paragraphs may be
     * such a list itself (a product round-up).
     */
    private static boolean[] teasers(List<Line> lines) {
        int n = lines.size();
        boolean[] teaser = new boolean[n];
        boolean article = false;
        for (int i = 0, run = 0, words = 0; i < n && !article; i++) {
            run = lines.get(i).prose ? run + 1 : 0;
            words = run > 0 ? words + lines.get(i).words : 0;
            article = run >= 3 && words >= ARTICLE_RUN_WORDS;
        }
        if (!article) return teaser;
        List<Integer> chain = new ArrayList<>();
        int prev = -1;
        for (int i = 0; i <= n; i++) {
            if (i < n && !lines.get(i).prose) continue;
            int next = i + 1;
            while (next < n && !lines.get(next).prose) next++;
            // a teaser stands two to four lines from the prose above and below it
            int gap = i < n && lines.get(i).words < PARAGRAPH_WORDS ? 1 : 2;
            boolean lone = i < n && i - prev - 1 >= gap && next - i - 1 >= gap;
            boolean linked = lone && !chain.isEmpty() && i - chain.get(chain.size() - 1) - 1 <= TEASER_GAP;
            if (!linked) {
                if (chain.size() >= 3) for (int j : chain) teaser[j] = true;
                chain.clear();
            }
            if (lone) chain.add(i);
            prev = i;
        }
        return teaser;
    }

    /**
     * The last line of the article when its main block ends by introducing a list ("The tour
     * dates:"): three words or more ending in a colon, no cue, at the block's end or right
     * after it, then three or more lines that open alike ("June 9 – ...", "1) ...") or, with
     * no number or bullet, phrases of four words or more that are no capitalised headlines.
     * A header without a colon right after the block ("Tour Dates") introduces one too when
     * five or more numbered or bulleted lines open alike under it.
     * The items are marked as content here; bare URLs between them stay out. Otherwise
     * {@code last} unchanged.
     */
    private int listAfter(List<Line> lines, int last, Set<String> furniture) {
        int intro = last;
        boolean header = false;
        if (!listIntro(lines.get(intro)) && intro + 1 < lines.size()) {
            Line next = lines.get(intro + 1);
            header = !listIntro(next) && listHeader(next, furniture);
            if (header || listIntro(next)) intro++;
        }
        if (!(header || listIntro(lines.get(intro))) || intro + 1 >= lines.size()) return last;
        String shape = opening(lines.get(intro + 1).text);
        // under a header, only numbered or bulleted items: a header over phrases is a related box's
        if (header && shape == null) return last;
        List<Line> items = new ArrayList<>();
        int end = last;
        for (int i = intro + 1; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (URL.matcher(l.text).matches()) continue;
            // items without a number or bullet read as phrases: headlines of other stories are capitalised
            boolean item = shape != null ? shape.equals(opening(l.text)) : l.words >= LIST_PHRASE_WORDS && !titleCase(l);
            if (!item || l.repeated || furniture.contains(l.lower) || hardBoundary(lines, i) || cues.relatedLine(l.lower) != null
                    || cues.furnitureLine(l.lower) != null) break;
            items.add(l);
            end = i;
        }
        if (items.size() < (header ? HEADED_LIST_ITEMS : 3)) return last;
        for (Line l : items) l.set(Role.CONTENT, header ? "item of a list under a header right after the article"
                : "item of a list the article introduces with a colon");
        return end;
    }

    /** Fewest items of a list under a header without a colon ("Tour Dates"), numbered or bulleted alike. */
    private static final int HEADED_LIST_ITEMS = 5;

    /** A short header without end punctuation or cue ("The Band's Tour Dates") that may head the article's own list. */
    private boolean listHeader(Line l, Set<String> furniture) {
        return l.words >= 2 && l.words <= 10 && !l.terminal && !l.repeated && !furniture.contains(l.lower)
                && cues.relatedLine(l.lower) == null && cues.furnitureLine(l.lower) == null && cues.commentsLine(l.lower) == null;
    }

    /** Fewest words of a list item without a number or bullet: a menu's entries have fewer. */
    private static final int LIST_PHRASE_WORDS = 4;

    private boolean listIntro(Line l) {
        return l.words >= 3 && l.text.endsWith(":") && cues.relatedLine(l.lower) == null && cues.furnitureLine(l.lower) == null
                && cues.commentsLine(l.lower) == null;
    }

    /**
     * The shape of a line's first two words, when it holds a digit or a bullet: "June 9 --"
     * and "Aug. 30 --" read "a 9", "1) Lego" and "12) I" read "9) a". Lists of words alone
     * (tags, menus, other headlines) have no such shape.
     */
    private static String opening(String text) {
        StringBuilder sb = new StringBuilder();
        int tokens = 0;
        boolean marked = false;
        char prev = 0;
        for (int i = 0; i < text.length() && tokens < 2; i++) {
            char c = text.charAt(i);
            if (c == '.' && prev == 'a') continue; // "Aug." and "August" alike
            char k = Character.isDigit(c) ? '9' : Character.isLetter(c) ? 'a' : Character.isWhitespace(c) ? ' ' : c;
            if (k == ' ') {
                if (prev != ' ' && prev != 0) tokens++;
            } else if (k != 'a') {
                marked = true;
            }
            if (k != prev && !(k == ' ' && prev == 0)) sb.append(k);
            prev = k;
        }
        return marked ? sb.toString().strip() : null;
    }

    /** The first clock time in a line ("00:42", "12:43 PM", "7h30"), or null when it states none. */
    static LocalTime timeOfDay(String line) {
        Matcher m = CLOCK.matcher(line);
        if (!m.find()) return null;
        String clock = m.group();
        int hour = Integer.parseInt(clock.substring(0, clock.length() - 3)), minute = Integer.parseInt(clock.substring(clock.length() - 2));
        String after = line.substring(m.end()).stripLeading().toLowerCase(Locale.ROOT);
        boolean pm = after.startsWith("pm") || after.startsWith("p.m."), am = after.startsWith("am") || after.startsWith("a.m.");
        if (pm && hour < 12) hour += 12;
        else if (am && hour == 12) hour = 0;
        return hour < 24 && minute < 60 ? LocalTime.of(hour, minute) : null;
    }

    /** A short line stating a calendar date and a clock time. */
    private boolean timeStamp(Line l) {
        return l.words <= 12 && !l.prose && CLOCK.matcher(l.text).find() && l.date() != null;
    }

    /** Most words of a quoted post's signature line: a name, the handle and the date. */
    private static final int SIGNATURE_WORDS = 20;

    /**
     * The signature under a social media post the article quotes ("— Name (@handle) November
     * 18, 2019"): a dash, a handle in brackets and a date. The post's text above it reads as
     * the article's, and its signature is part of the quote, not a date line or a fragment.
     */
    private boolean postSignature(Line l) {
        String t = l.text;
        return l.words <= SIGNATURE_WORDS && t.length() > 2 && "—–-".indexOf(t.charAt(0)) >= 0 && t.charAt(1) == ' '
                && t.contains("(@") && dates.find(t) != null;
    }

    /** Most words of a byline or publication stamp: names, place, two dates and times ("Published ... | Updated ..."). */
    private static final int STAMP_WORDS = 25;

    /**
     * A byline or publication stamp that the main block took in ("By Name | November 18, 2019
     * at 2:26 PM - Updated ...", "Published: Nov. 19, 2019, 6:18 p.m."): a date and a clock
     * time, and a posted cue opening the line or a part after a bar, or a byline cue before a
     * name. Too long for {@link #metadata}, and set as a sentence or a subheading it is neither.
     * A sentence of the article that states a date and a time ("By Monday, November 18, at
     * 5 p.m., ...") has no name after its "by".
     */
    private boolean stamp(Line l) {
        if (l.words > STAMP_WORDS || !CLOCK.matcher(l.text).find() || l.date() == null) return false;
        // a full sentence is the article's ("Ngày 3/3/2024, lúc 10h30, một vụ cháy ...", "By Tuesday at
        // 10:00 GMT, ...") unless a posted cue with its colon opens it ("Published: Nov. 19, 2019, 6:18 p.m.")
        if (l.prose) return postedWithColon(l.lower);
        String by = cues.bylineOpening(l.lower);
        if (by != null) {
            String[] after = l.text.substring(by.length()).strip().split("\\s+", 3);
            if (after.length >= 2 && nameShaped(after[0] + " " + after[1])) return true;
        }
        for (int at = 0; at >= 0; at = nextPart(l.lower, at)) {
            if (cues.postedLine(l.lower.substring(at)) != null) return true;
        }
        return false;
    }

    /** Where the part of a stamp after the next bar or dash starts ("... | Updated ...", "... - Updated ..."), or -1. */
    private boolean postedWithColon(String lower) {
        String cue = cues.postedLine(lower);
        if (cue == null || !lower.startsWith(cue)) return false;
        String rest = lower.substring(cue.length()).stripLeading();
        return rest.startsWith(":") || rest.startsWith("：");
    }

    private static int nextPart(String lower, int from) {
        for (int i = from + 1; i + 1 < lower.length(); i++) {
            if ("|–—-·•".indexOf(lower.charAt(i)) >= 0 && lower.charAt(i + 1) == ' ' && lower.charAt(i - 1) == ' ') {
                int at = i + 1;
                while (at < lower.length() && lower.charAt(at) == ' ') at++;
                return at;
            }
        }
        return -1;
    }

    /** A comment counter printed with the byline and date heads the article; it does not follow it. */
    private boolean nearDateLine(List<Line> lines, int i) {
        for (int j = Math.max(0, i - 3); j <= Math.min(lines.size() - 1, i + 3); j++) {
            Line l = lines.get(j);
            if (j != i && l.words <= 15 && (l.date() != null || cues.bylineLine(l.lower) != null)) return true;
        }
        return false;
    }

    private double lineScore(Line l, Set<String> furniture) {
        if (furniture.contains(l.lower) || l.glued) return -5;
        // a related-stories box may sit inside the article: it counts against, but the prose around it wins
        if (cues.relatedLine(l.lower) != null && l.words <= 8) return -15;
        if (l.repeated) return l.prose ? 0 : -6;
        if (l.prose) return l.words;
        if (l.date() != null) return -5;
        if (l.words >= 3 && l.terminal && !l.text.endsWith(":")) return l.words / 2.0;
        return titleCase(l) ? -6 : -3;
    }

    private boolean headlineLike(Line l, String lang, Set<String> furniture) {
        if (l.glued || l.words < 2 || l.words > 30 || l.text.endsWith(".") || l.text.endsWith(":")) return false;
        if (holdsAddress(l.text) || furniture.contains(l.lower)) return false;
        if (isLabel(l) || l.date() != null && l.words <= 12) return false;
        if (cues.furnitureLine(l.lower) != null || cues.relatedLine(l.lower) != null || cues.commentsLine(l.lower) != null
                || cues.tagsLine(l.lower) != null) return false;
        // cheap evidence only: a headline's few stop words rarely tell, and asking Lingua about the
        // candidate headline of every page was a quarter of cleaning raw pages
        String ll = l.words >= 2 ? detector.detectLineCheaply(l.text) : null;
        return lang == null || ll == null || ll.equals(lang);
    }

    /**
     * A subheading set in capitals inside the article ("WHAT YOU NEED TO MAKE JAM"): a line
     * that would be a section label above a headline, but stands between two paragraphs and
     * is no cue ("RELATED", "SIGN UP FOR ..."). A label of the page (a menu's, a box's) stands
     * among other fragments.
     */
    private boolean capsSubheading(List<Line> lines, int i, Set<String> furniture) {
        Line l = lines.get(i);
        if (!isLabel(l) || l.words < 2 || i == 0 || i + 1 >= lines.size()) return false;
        if (!lines.get(i - 1).prose || !lines.get(i + 1).prose) return false;
        if (cues.furnitureLine(l.lower) != null || cues.relatedLine(l.lower) != null || cues.commentsLine(l.lower) != null
                || cues.callToAction(l.lower) != null) return false;
        return !furniture.contains(l.lower) && !holdsAddress(l.text);
    }

    /** Three or more words, most of them capitalised: a headline, here one of a list of other stories. */
    private static boolean titleCase(Line l) {
        return l.words >= 3 && capitalised(l.text);
    }

    /** Three or more words that open with a letter, three in four of them or more capitalised. */
    private static boolean capitalised(String text) {
        int caps = 0, words = 0;
        boolean start = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                start = true;
            } else if (start && Character.isLetter(c)) {
                words++;
                if (Character.isUpperCase(c)) caps++;
                start = false;
            } else if (start && !Character.isLetter(c) && Character.isLetterOrDigit(c)) {
                start = false;
            }
        }
        return words >= 3 && caps * 4 >= words * 3;
    }

    /**
     * An all-capitals section label such as "FOREIGN RELATION NEWS". Scripts without case
     * (Japanese, Chinese) have no capitals, so their lines are never labels by this test.
     */
    private static boolean isLabel(Line l) {
        boolean capitals = false;
        for (int i = 0; i < l.text.length(); i++) {
            char c = l.text.charAt(i);
            if (Character.isLowerCase(c)) return false;
            if (Character.isUpperCase(c)) capitals = true;
        }
        return capitals && l.words <= 6;
    }

    /** Fewest words of a line in capitals that is no heading: the article's own headings in capitals are shorter. */
    private static final int SHOUTED_WORDS = 8;

    /**
     * Eight words or more set all in capitals ("CLICK HERE TO GET THE ... APP", another
     * story's headline as a link): sites set links and calls to action that way inside the
     * text. Most letters must have case, so a line in a script without it is not one.
     */
    private static boolean shouted(Line l) {
        if (l.words < SHOUTED_WORDS) return false;
        int upper = 0, letters = 0;
        for (int i = 0; i < l.text.length(); i++) {
            char c = l.text.charAt(i);
            if (Character.isLowerCase(c)) return false;
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) upper++;
            }
        }
        return upper * 2 > letters;
    }

    /** A date, byline or view-count line: metadata, never content. */
    private boolean metadata(Line l, Meta meta) {
        if (l.words > 15) return false;
        DateFinder.Found d = l.date();
        boolean posted = cues.postedLine(l.lower) != null;
        if (d == null && posted && l.words <= 8 && CLOCK.matcher(l.text).find()) {
            if (meta.time == null) meta.time = timeOfDay(l.text);
            l.set(Role.METADATA, "time stamp ('" + cues.postedLine(l.lower) + "')");
            return true;
        }
        if (d != null && (d.date() != null || posted || l.words <= 6)) {
            if (d.date() != null) {
                if (meta.date == null) {
                    meta.date = d.date();
                    // a date line without a time keeps the time a "Posted 10:42" line above it gave
                    LocalTime t = timeOfDay(l.text);
                    if (t != null) meta.time = t;
                }
            } else if (meta.yearlessDate == null) {
                meta.yearlessDate = d.text();
                meta.yearlessLine = l.no;
            }
            l.set(Role.METADATA, "date line (" + d.text() + ")");
            return true;
        }
        String by = cues.bylineLine(l.lower);
        if (by != null && l.words <= 8 && !l.terminal) {
            if (meta.author == null) meta.author = l.text.substring(by.length()).replaceFirst("^[\\s:|]+", "").strip();
            l.set(Role.METADATA, "byline ('" + by + "')");
            return true;
        }
        if (cues.viewsIn(l.lower) != null) {
            l.set(Role.METADATA, "view counter");
            return true;
        }
        return false;
    }

    /** How far above the article's first paragraph its headline and date may stand, in lines. */
    private static final int HEAD_WINDOW = 8;

    private void header(List<Line> lines, int first, String lang, Meta meta, Set<String> furniture) {
        int dateLine = -1;
        // nearest first: the date printed over the article, not one in a menu of other stories
        for (int i = first - 1; i >= 0; i--) {
            if (metadata(lines.get(i), meta) && lines.get(i).reason.startsWith("date") && dateLine < 0
                    && i >= first - HEAD_WINDOW) dateLine = i;
        }
        int title = -1;
        if (dateLine >= 0) {
            for (int i = dateLine - 1; i >= Math.max(0, dateLine - 3); i--) {
                Line l = lines.get(i);
                // right over the article's own date, a headline that other files of the site also
                // list (their "most read" boxes, or a wire story's stock headline) is still this one's
                boolean own = i == dateLine - 1 && l.words >= 4 && !l.repeated;
                if (l.role == null && headlineLike(l, lang, own ? Set.of() : furniture)) {
                    title = i;
                    break;
                }
            }
        }
        if (title < 0) {
            for (int i = first - 1; i >= Math.max(0, first - HEAD_WINDOW); i--) {
                Line l = lines.get(i);
                if (l.role != null) continue;
                if (headlineLike(l, lang, furniture)) {
                    title = i;
                    break;
                }
                if (!isLabel(l)) break; // the headline sits right above the article or above its date
            }
        }
        if (title >= 0) lines.get(title).set(Role.TITLE, "headline above the article");
        // with no headline or date to start from, only prose right above the main block is
        // its opening paragraph; further up stand cookie notices and other stories' teasers
        int bodyFrom = title < 0 && dateLine < 0 ? Math.max(0, first - 2) : Math.max(title, dateLine) + 1;
        boolean underRelated = false;
        for (int i = 0; i < first; i++) {
            Line l = lines.get(i);
            if (l.role != null) continue;
            // a box of other stories between the headline and the article: its headlines read as subheadings
            if (l.prose) underRelated = false;
            else if (l.words <= 8 && cues.relatedLine(l.lower) != null) underRelated = true;
            if (i >= bodyFrom && underRelated && !l.prose) {
                l.set(Role.BOILERPLATE, "listed under a related-stories cue");
            } else if (i >= bodyFrom && l.prose && !l.repeated) {
                l.set(Role.CONTENT, "prose between the headline and the article");
            } else if (i >= bodyFrom && title >= 0 && caption(l) != null) {
                l.set(Role.CAPTION, "caption cue ('" + caption(l) + "')");
            } else if (i >= bodyFrom && title >= 0 && l.words >= 3 && headlineLike(l, lang, furniture) && !inShortRun(lines, i)) {
                // one or two words there are a section label or menu item ("Thời sự"), not a subheading
                l.set(Role.HEADING, "subheading between the headline and the article");
            } else {
                l.set(Role.BOILERPLATE, reasonOutside(l, lang, furniture, "before the headline: site header"));
            }
        }
    }

    private String reasonOutside(Line l, String lang, Set<String> furniture, String fallback) {
        if (furniture.contains(l.lower)) return "repeated across files (site furniture)";
        if (l.repeated && !l.prose) return "repeated within the page (menu entry or teaser)";
        if (holdsAddress(l.text)) return "URL or site name";
        if (isLabel(l)) return "section label in capitals";
        String c = cues.furnitureLine(l.lower);
        if (c != null) return "page furniture cue ('" + c + "')";
        c = cues.relatedLine(l.lower);
        if (c != null) return "related-articles cue ('" + c + "')";
        c = cues.commentsLine(l.lower);
        if (c != null) return "comments cue ('" + c + "')";
        c = cues.tagsLine(l.lower);
        if (c != null) return "list of tags ('" + c + "')";
        // the verdict is made; the explanation does not need Lingua
        String ll = l.words >= 2 ? detector.detectLineCheaply(l.text) : null;
        if (lang != null && ll != null && !ll.equals(lang)) return "language " + ll + " differs from the article's " + lang;
        return fallback;
    }

    private void body(List<Line> lines, int first, int last, String lang, Set<String> furniture) {
        boolean afterImage = false, underRelated = false;
        for (int i = first; i <= last; i++) {
            Line l = lines.get(i);
            if (l.role != null) continue; // a list item the article introduced (listAfter)
            boolean followedByText = i < last;
            if (!l.prose && l.words <= 8 && cues.relatedLine(l.lower) != null) underRelated = true;
            else if (l.prose) underRelated = false;
            else if (underRelated) {
                l.set(Role.BOILERPLATE, "listed under a related-stories cue");
                continue;
            }
            if (postSignature(l)) {
                l.set(Role.CONTENT, "signature of a post quoted in the article ('— Name (@handle) date')");
                continue;
            }
            if (stamp(l)) {
                l.set(Role.METADATA, "byline or publication stamp with a date and a time");
                continue;
            }
            if (l.words <= 30 && endsWithNumber(l.text) && IMAGE_PLACEHOLDER.matcher(l.text).matches()) {
                l.set(Role.BOILERPLATE, "image placeholder ('- Ảnh N.' alt text)");
                afterImage = true;
                continue;
            }
            String cap = caption(l);
            if (cap != null && l.words <= 60) {
                l.set(Role.CAPTION, "caption cue ('" + cap + "')");
            } else if (afterImage && l.words <= 45) {
                l.set(Role.CAPTION, "follows an image");
            } else if (l.words <= 45 && i > first + 1 && i < last && lines.get(i - 2).role == Role.CAPTION
                    && lines.get(i - 1).role == Role.CAPTION && caption(lines.get(i + 1)) != null) {
                // a gallery: each photo's text stands under the last one's credit and its own number,
                // and over its own credit; one credit between two paragraphs makes no gallery
                l.set(Role.CAPTION, "in a gallery, between photo numbers and credits");
            } else if (l.glued) {
                l.set(Role.BOILERPLATE, "a headline glued to its teaser's sentence (list of other stories)");
            } else if (shouted(l)) {
                l.set(Role.BOILERPLATE, "a long line in capitals (link to another story or a call to action)");
            } else if (BRACKET_TOKEN.matcher(l.text).matches() || URL.matcher(l.text).matches()
                    || (furniture.contains(l.lower) || l.repeated) && !l.prose) {
                l.set(Role.BOILERPLATE, reasonOutside(l, lang, furniture, "markup token or bare URL"));
            } else if (!l.prose && (cues.furnitureLine(l.lower) != null || cues.relatedLine(l.lower) != null)) {
                l.set(Role.BOILERPLATE, reasonOutside(l, lang, furniture, "page furniture"));
            } else if (l.prose) {
                if (i > first && i < last && captionShaped(l) && lines.get(i - 1).prose && lines.get(i + 1).prose) {
                    l.set(Role.CAPTION, "short line of names between paragraphs (caption shape)");
                } else {
                    l.set(Role.CONTENT, "prose in the article's main block");
                }
            } else if (inShortRun(lines, i)) {
                l.set(Role.BOILERPLATE, reasonOutside(l, lang, furniture, "one of a run of short lines (menu, names or tags)"));
            } else if (followedByText && (headlineLike(l, lang, furniture) || capsSubheading(lines, i, furniture))) {
                l.set(Role.HEADING, "short line without end punctuation inside the article (subheading)");
            } else if (l.words >= 3 && l.terminal) {
                l.set(Role.CONTENT, "sentence inside the article");
            } else {
                l.set(Role.BOILERPLATE, reasonOutside(l, lang, furniture, "fragment inside the article"));
            }
            afterImage = false;
        }
        headlineRuns(lines, first, last);
        // a subheading needs text under it; one followed only by removed lines is debris, and
        // without this it would vanish only when the cleaned text is cleaned again
        boolean textAfter = false;
        for (int i = last; i >= first; i--) {
            Line l = lines.get(i);
            if (l.role == Role.CONTENT) textAfter = true;
            else if (l.role == Role.HEADING && !textAfter) l.set(Role.BOILERPLATE, "subheading with no text after it");
        }
    }

    /** Subheadings in a row that make a list of other stories' headlines. */
    private static final int HEADLINE_RUN = 3;

    /**
     * Three or more subheadings in a row with no text between them are a list of other
     * stories' headlines ("More Great Stories" and its links), not the article's sections: a
     * subheading stands over its own paragraph. A run the article introduces ("You will need:",
     * "If you are …") or whose lines open alike ("Q: ...", "A: ...") is its own list.
     */
    private static void headlineRuns(List<Line> lines, int first, int last) {
        for (int i = first; i <= last; ) {
            int to = i;
            while (to <= last && lines.get(to).role == Role.HEADING) to++;
            if (to - i >= HEADLINE_RUN && !introducesList(lines.get(Math.max(0, i - 1))) && !introducesList(lines.get(i))
                    && !openAlike(lines, i, to)) {
                for (int j = i; j < to; j++) lines.get(j).set(Role.BOILERPLATE, "one of a run of headlines (list of other stories)");
            }
            i = Math.max(to, i + 1);
        }
    }

    /**
     * Whether lines {@code from} to {@code to} (exclusive) all open with the same {@link #opening}
     * that holds a mark ("1.", "Q:", "-"): other stories' headlines may open with bare numbers
     * ("27 Oddest ...", "10 Strangest ...").
     */
    private static boolean openAlike(List<Line> lines, int from, int to) {
        String shape = opening(lines.get(from).text);
        if (shape == null || shape.chars().allMatch(c -> c == 'a' || c == '9' || c == ' ')) return false;
        for (int j = from + 1; j < to; j++) if (!shape.equals(opening(lines.get(j).text))) return false;
        return true;
    }

    /** Kept text ending with a colon or an ellipsis: the article leads into what follows. */
    private static boolean introducesList(Line l) {
        return l.role != Role.BOILERPLATE && (l.text.endsWith(":") || truncated(l.text));
    }

    /**
     * Ends with a number, perhaps and a full stop: the cheap half of {@link #IMAGE_PLACEHOLDER},
     * whose leading {@code .*} backtracks over the whole line.
     */
    private static boolean endsWithNumber(String text) {
        int i = text.length() - 1;
        if (i >= 0 && text.charAt(i) == '.') i--;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) i--;
        return i >= 0 && Character.isDigit(text.charAt(i));
    }

    /**
     * One of three or more lines in a row of at most four words and no end punctuation: a
     * menu, a list of names or a tag cloud. A subheading stands alone above its paragraph.
     */
    private static boolean inShortRun(List<Line> lines, int i) {
        if (!shortFragment(lines.get(i))) return false;
        int from = i, to = i;
        while (from > 0 && shortFragment(lines.get(from - 1))) from--;
        while (to + 1 < lines.size() && shortFragment(lines.get(to + 1))) to++;
        return to - from >= 2;
    }

    private static boolean shortFragment(Line l) {
        return l.words <= 4 && !l.terminal;
    }

    /** The caption or credit cue of a line, or null. */
    private String caption(Line l) {
        String cap = cues.captionCue(l.lower);
        // without a colon, a credit word opening a line that is no sentence: "Image copyright Reuters"
        if (cap == null && !l.prose && !l.terminal) cap = cues.captionOpening(l.lower);
        // a line opening with a copyright sign inside the article credits a photo: "© Name Caption text"
        if (cap == null && COPYRIGHT.matcher(l.text).lookingAt()) cap = "©";
        if (cap == null && l.words <= 8 && !l.terminal && CREDIT.matcher(l.text).matches()) cap = "Name/Agency";
        if (cap == null && bracketCredit(l.text)) cap = "credit in brackets";
        if (cap == null && !l.terminal) cap = creditAtEnd(l.text);
        return cap;
    }

    /** Characters from a line's end looked through for a credit after its last sentence. */
    private static final int CREDIT_TAIL_CHARS = 80;

    /**
     * A photo credit after a caption's last sentence, set with no end punctuation, often glued
     * on where the page had it in an element of its own: a credit cue ("... earnings.
     * Photograph by Name/Agency", "... sought treatmentCredit: Agency"), a copyright sign
     * ("... 2019. © Agency / Name") or names joined by slashes ("... 2019.J. Name / AP
     * file"). The credit's cue or shape, or null. A sentence of the article ends in its own
     * punctuation; only a cue with its colon counts right after a lower-case letter, as names
     * run a capital on ("McDonald", "iPhone").
     */
    private String creditAtEnd(String text) {
        for (int k = Math.max(2, text.length() - CREDIT_TAIL_CHARS); k < text.length(); k++) {
            char c = text.charAt(k), p = text.charAt(k - 1);
            boolean afterSentence = p == '.' && Character.isUpperCase(c)
                    || p == ' ' && text.charAt(k - 2) == '.' && (Character.isUpperCase(c) || c == '©');
            boolean glued = Character.isLowerCase(p) && Character.isUpperCase(c);
            if (!afterSentence && !glued) continue;
            String tail = text.substring(k);
            if (words(tail) > CREDIT_WORDS) continue;
            String lower = Cues.lower(tail);
            String cue = glued ? cues.captionCue(lower) : cues.captionOpening(lower);
            if (cue != null && lower.startsWith(cue)) return cue;
            if (glued) continue;
            if (c == '©') return "©";
            if (CREDIT.matcher(tail).matches()) return "Name/Agency";
        }
        return null;
    }

    /** Most words of a photo credit. */
    private static final int CREDIT_WORDS = 8;

    /** Most words of a photo credit in brackets at a caption's end. */
    private static final int BRACKET_CREDIT_WORDS = 10;

    /**
     * Ends with a photo credit in brackets and no full stop after it, as captions do
     * ("... during a space walk. (NASA via AP, File)", "... (Photo by Name/Agency)",
     * "(fot. PAP)"): a credit cue or a source cue opening the brackets, names joined by
     * slashes, or capitalised names around a source word ("via"). A sentence's own brackets
     * close before its full stop; a product's ("(4K Ultra HD + Blu-Ray)") hold no cue or slash.
     */
    private boolean bracketCredit(String text) {
        if (!text.endsWith(")")) return false;
        int open = text.lastIndexOf('(');
        if (open <= 0) return false;
        String inner = text.substring(open + 1, text.length() - 1).strip();
        if (inner.isEmpty() || words(inner) > BRACKET_CREDIT_WORDS) return false;
        String lower = Cues.lower(inner);
        return cues.captionOpening(lower) != null || cues.sourceLine(lower) != null || CREDIT.matcher(inner).matches()
                || capitalised(inner) && (inner.indexOf('/') >= 0 || cues.sourceWord(lower) != null);
    }

    /** A short sentence made mostly of capitalised names: how photo captions read. */
    private static boolean captionShaped(Line l) {
        if (l.words < 4 || l.words > 16) return false;
        String[] w = l.text.split("\\s+");
        // a sentence in a script without spaces is one token, not a string of names
        if (w.length < 4) return false;
        int caps = 0;
        for (int i = 1; i < w.length; i++) if (!w[i].isEmpty() && Character.isUpperCase(w[i].charAt(0))) caps++;
        return caps * 2 >= w.length - 1;
    }

    private void footer(List<Line> lines, int last, Meta meta, Set<String> furniture) {
        boolean sourceCue = false;
        for (int i = last + 1; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (l.role != null) continue;
            String src = cues.sourceLine(l.lower);
            java.util.regex.Matcher url = URL.matcher(l.text);
            if (src != null) {
                if (url.find()) {
                    if (meta.sourceUrl == null) meta.sourceUrl = url.group();
                    l.set(Role.METADATA, "source line ('" + src + "') with the original's URL");
                } else {
                    String rest = l.text.substring(Math.min(src.length(), l.text.length())).replaceFirst("^[\\s:|]+", "").strip();
                    if (!rest.isEmpty() && rest.split("\\s+").length <= 5 && meta.publication == null) meta.publication = rest;
                    l.set(rest.isEmpty() ? Role.BOILERPLATE : Role.METADATA, "source cue ('" + src + "')");
                    sourceCue = true;
                }
                continue;
            }
            if (sourceCue && url.matches()) {
                if (meta.sourceUrl == null) meta.sourceUrl = l.text;
                l.set(Role.METADATA, "URL after a source cue");
                continue;
            }
            if (DOMAIN_LINE.matcher(l.text).matches() && !l.text.contains("/") && i <= last + 3) {
                if (meta.publication == null) meta.publication = l.text;
                l.set(Role.METADATA, "site name after the article (publication)");
                continue;
            }
            if (i == last + 1 && nameShaped(l) && !furniture.contains(l.lower) && cues.relatedLine(l.lower) == null) {
                if (meta.author == null) meta.author = l.text;
                l.set(Role.METADATA, "name right after the article (byline)");
                continue;
            }
            if (metadata(l, meta)) continue;
            if (i == last + 1 && cues.captionCue(l.lower) != null) {
                l.set(Role.CAPTION, "caption cue right after the article");
                continue;
            }
            l.set(Role.BOILERPLATE, reasonOutside(l, null, furniture, "after the article's end"));
        }
    }

    /** Two to four capitalised words and nothing else: a reporter's name. */
    private static boolean nameShaped(Line l) {
        return nameShaped(l.text);
    }

    private static boolean nameShaped(String text) {
        int n = words(text);
        if (n < 2 || n > 4) return false;
        for (String w : text.split("\\s+")) {
            if (w.isEmpty() || !Character.isUpperCase(w.charAt(0))) return false;
            for (int i = 0; i < w.length(); i++) if (!Character.isLetter(w.charAt(i)) && w.charAt(i) != '-' && w.charAt(i) != '.') return false;
        }
        return true;
    }
}
