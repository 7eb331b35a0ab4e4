package briefing.clean;

import briefing.lang.LanguageData;
import briefing.lang.LanguageDetector;
import briefing.model.Block;
import briefing.model.Cleaned;
import briefing.model.Format;
import briefing.model.FrontMatter;
import briefing.model.LineVerdict;
import briefing.model.Problem;
import briefing.model.RawDocument;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cleans seeds of every format into the same model. Configured once, then thread-safe.
 * The input document is not modified.
 */
public final class Cleaner {
    /** A line that appears in this many files or more is site furniture, not content. */
    static final int FURNITURE_FILES = 3;
    /** Longer lines are prose, never the site's furniture. */
    private static final int FURNITURE_LENGTH = 200;

    private final LanguageDetector detector;
    private final TextCleaner text;
    private final HtmlExtractor html = new HtmlExtractor();
    private final DateFinder dates;
    private final Cues cues;

    public Cleaner(LanguageData data, LanguageDetector detector) {
        this.detector = detector;
        this.dates = new DateFinder(data);
        this.cues = new Cues(data);
        this.text = new TextCleaner(cues, dates, detector);
    }

    public LanguageDetector detector() {
        return detector;
    }

    /**
     * The short lines (lower case) that recur in at least three of {@code docs}: the site's
     * header, footer and menus, which are never an article's own text.
     */
    public static Set<String> furniture(List<RawDocument> docs) {
        if (docs.size() < FURNITURE_FILES) return Set.of();
        Map<String, Integer> count = new ConcurrentHashMap<>();
        docs.parallelStream().filter(d -> d.format() == Format.TXT).forEach(d -> {
            Set<String> seen = new HashSet<>();
            String body = d.body();
            // the lines of d.lines(), measured where they stand: most are paragraphs, never copied or lower-cased
            for (int from = 0, to; from <= body.length(); from = to + 1) {
                to = body.indexOf('\n', from);
                if (to < 0) to = body.length();
                int n = squeezedLength(body, from, to, FURNITURE_LENGTH);
                if (n == 0 || n > FURNITURE_LENGTH) continue;
                String t = squeeze(body.substring(from, to)).toLowerCase(java.util.Locale.ROOT);
                if (seen.add(t)) count.merge(t, 1, Integer::sum);
            }
        });
        Set<String> out = new HashSet<>();
        count.forEach((l, n) -> {
            if (n >= FURNITURE_FILES) out.add(l);
        });
        return out;
    }

    /**
     * The length of {@link #squeeze}'s result for the line {@code text[from, to)} without making
     * it; once past {@code limit} it stops counting and returns some length above it.
     */
    static int squeezedLength(String text, int from, int to, int limit) {
        int n = 0, pending = 0;
        boolean started = false, inRun = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (TextCleaner.whitespace(c)) {
                // strip() drops the white space at both ends; a run of ASCII white space inside becomes one space
                if (started && !(inRun && regexSpace(c))) pending++;
                inRun = regexSpace(c);
            } else {
                started = true;
                inRun = false;
                n += pending + 1;
                pending = 0;
                if (n > limit) return n;
            }
        }
        return n;
    }

    /** {@code line.strip().replaceAll("\\s+", " ")}, without a regular expression: it runs on every line of every text seed and every run of a saved page. */
    static String squeeze(String line) {
        String s = line.strip();
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!regexSpace(c)) {
                if (sb != null) sb.append(c);
                continue;
            }
            int j = i;
            while (j + 1 < s.length() && regexSpace(s.charAt(j + 1))) j++;
            if (sb == null && (c != ' ' || j > i)) sb = new StringBuilder(s.length()).append(s, 0, i);
            if (sb != null) sb.append(' ');
            i = j;
        }
        return sb == null ? s : sb.toString();
    }

    /** {@code \s} of a regular expression: ASCII white space only. */
    private static boolean regexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Cleans one document; {@code furniture} comes from {@link #furniture(List)} over the whole site. */
    public Cleaned clean(RawDocument doc, Set<String> furniture) {
        List<Problem> problems = new ArrayList<>();
        FrontMatter fm = doc.frontMatter();
        Cleaned c = switch (doc.format()) {
            case MARKDOWN -> markdown(doc, problems);
            case HTML -> html(doc, problems);
            case TXT -> plain(doc, furniture, problems);
        };
        return new Cleaned(c.file(), c.format(), fm,
                fm.title() != null ? fm.title() : c.title(),
                fm.date() != null ? fm.date() : c.date(),
                fm.date() != null ? null : c.time(),
                fm.author() != null ? fm.author() : c.author(),
                fm.publication() != null ? fm.publication() : c.publication(),
                fm.sourceUrl() != null ? fm.sourceUrl() : c.sourceUrl(),
                c.blocks(), c.removed(), c.markdown(), c.verdicts(), List.copyOf(problems));
    }

    private Cleaned plain(RawDocument doc, Set<String> furniture, List<Problem> problems) {
        TextCleaner.Result r = text.clean(doc.lines(), doc.bodyStartLine(), doc.frontMatter().lang(), furniture,
                doc.file(), problems);
        return new Cleaned(doc.file(), doc.format(), doc.frontMatter(), r.title(), r.date(), r.time(), r.author(),
                r.publication(), r.sourceUrl(), r.blocks(), r.removed(), null, r.verdicts(), problems);
    }

    /** Markdown is trusted as written: every block is content; a leading {@code # } heading is the title. */
    private Cleaned markdown(RawDocument doc, List<Problem> problems) {
        List<String> lines = doc.lines();
        List<Block> blocks = new ArrayList<>();
        List<LineVerdict> verdicts = new ArrayList<>();
        String title = null;
        StringBuilder body = new StringBuilder();
        StringBuilder para = new StringBuilder();
        int paraLine = 0;
        for (int i = 0; i <= lines.size(); i++) {
            String l = i < lines.size() ? lines.get(i) : "";
            int no = doc.bodyStartLine() + i;
            String t = l.strip();
            if (title == null && blocks.isEmpty() && para.isEmpty() && t.startsWith("# ")) {
                title = t.substring(2).strip();
                verdicts.add(new LineVerdict(no, t, LineVerdict.Role.TITLE, "Markdown level-1 heading"));
                continue;
            }
            if (i < lines.size()) body.append(l).append('\n');
            if (t.isEmpty() || t.startsWith("#")) {
                if (!para.isEmpty()) {
                    blocks.add(new Block(Block.Kind.PARAGRAPH, para.toString(), paraLine));
                    para.setLength(0);
                }
                if (t.startsWith("#")) {
                    String h = t.replaceFirst("^#+\\s*", "");
                    blocks.add(new Block(Block.Kind.HEADING, h, no));
                    verdicts.add(new LineVerdict(no, t, LineVerdict.Role.HEADING, "Markdown heading"));
                }
                continue;
            }
            if (para.isEmpty()) paraLine = no;
            else para.append(' ');
            para.append(t);
            verdicts.add(new LineVerdict(no, t, LineVerdict.Role.CONTENT, "Markdown is trusted as written"));
        }
        return new Cleaned(doc.file(), doc.format(), doc.frontMatter(), title, null, null, null, null, null,
                blocks, List.of(), body.toString(), verdicts, problems);
    }

    private Cleaned html(RawDocument doc, List<Problem> problems) {
        HtmlExtractor.Page page = html.extract(doc.body());
        List<Block> blocks = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<LineVerdict> verdicts = new ArrayList<>();
        List<HtmlExtractor.Piece> pieces = page.pieces();
        int relatedFrom = relatedTail(pieces);
        int n = 0;
        boolean titleSeen = false;
        for (HtmlExtractor.Piece p : pieces) {
            n++;
            if (!titleSeen && p.text().equals(page.title())) {
                titleSeen = true;
                verdicts.add(new LineVerdict(n, p.text(), LineVerdict.Role.TITLE, "the page's headline"));
                continue;
            }
            boolean short6 = p.kept() && n - 1 < relatedFrom && TextCleaner.words(p.text()) <= 6;
            String reason = !p.kept() ? "outside the article's container"
                    : n - 1 >= relatedFrom ? "under a related-stories or comments cue at the article's end"
                    : short6 && p.text().indexOf('@') < 0 && dates.find(p.text()) != null ? "date line"
                    : short6 && cues.furnitureLine(Cues.lower(p.text())) != null ? "page furniture cue"
                    : p.text().indexOf(' ') < 0 && p.text().startsWith("http") ? "bare URL" : null;
            if (reason != null) {
                removed.add(p.text());
                verdicts.add(new LineVerdict(n, p.text(), LineVerdict.Role.BOILERPLATE, reason));
                continue;
            }
            Block.Kind kind = switch (p.kind()) {
                case "caption" -> Block.Kind.CAPTION;
                case "heading" -> Block.Kind.HEADING;
                default -> Block.Kind.PARAGRAPH;
            };
            blocks.add(new Block(kind, p.text(), n));
            verdicts.add(new LineVerdict(n, p.text(), kind == Block.Kind.CAPTION ? LineVerdict.Role.CAPTION
                    : kind == Block.Kind.HEADING ? LineVerdict.Role.HEADING : LineVerdict.Role.CONTENT, "in the article's container"));
        }
        LocalDate date = null;
        if (page.date() != null) {
            try {
                date = LocalDate.parse(page.date().length() >= 10 ? page.date().substring(0, 10) : page.date());
            } catch (DateTimeParseException e) {
                DateFinder.Found f = dates.find(page.date());
                date = f == null ? null : f.date();
            }
        }
        LocalTime time = date == null ? null : TextCleaner.timeOfDay(page.date());
        return new Cleaned(doc.file(), doc.format(), doc.frontMatter(), page.title(), date, time, page.author(),
                page.publication(), page.url(), blocks, removed, null, verdicts, problems);
    }

    /**
     * The index of a short kept heading such as "You may also like" or "Comments" after which
     * the kept text is shorter than before it: other stories or readers' comments left in
     * the article's container. The size of the pieces, or none.
     */
    private int relatedTail(List<HtmlExtractor.Piece> pieces) {
        int total = 0;
        for (HtmlExtractor.Piece p : pieces) if (p.kept()) total += p.text().length();
        int before = 0;
        for (int i = 0; i < pieces.size(); i++) {
            HtmlExtractor.Piece p = pieces.get(i);
            if (!p.kept()) continue;
            if (p.kind().equals("heading") && TextCleaner.words(p.text()) <= 8 && before > 0) {
                String lower = Cues.lower(p.text());
                if ((cues.relatedLine(lower) != null || cues.commentsLine(lower) != null) && total - before < before) return i;
            }
            before += p.text().length();
        }
        return pieces.size();
    }
}
