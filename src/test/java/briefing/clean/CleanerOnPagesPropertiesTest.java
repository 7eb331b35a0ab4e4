package briefing.clean;

import briefing.lang.LanguageData;
import briefing.lang.LanguageDetector;
import briefing.model.Cleaned;
import briefing.model.Format;
import briefing.model.FrontMatter;
import briefing.model.RawDocument;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The cleaner on pages shaped like the ones editors copy: a real article's paragraphs (from
 * the sample seeds) wrapped in generated site furniture (site names, menus, date lines,
 * share buttons, source lines, comment counters, related headlines). Every paragraph of the
 * article survives, and cleaning the cleaned text again changes nothing.
 */
class CleanerOnPagesPropertiesTest {
    private static final LanguageData DATA = LanguageData.builtIn();
    private static final Cleaner CLEANER = new Cleaner(DATA, new LanguageDetector(DATA));
    /** The article paragraphs of each sample seed, as the cleaner keeps them (SeedCleaningTest checks those). */
    private static final List<List<String>> ARTICLES = articles();

    private static List<List<String>> articles() {
        List<List<String>> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("seeds"))) {
            for (Path p : s.sorted().toList()) {
                RawDocument d = new RawDocument(p.toString(), Format.TXT, FrontMatter.EMPTY, Files.readString(p), 1);
                out.add(CLEANER.clean(d, Set.of()).blocks().stream()
                        .filter(b -> b.kind() == briefing.model.Block.Kind.PARAGRAPH).map(briefing.model.Block::text).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Cleaned clean(String text) {
        return CLEANER.clean(new RawDocument("p", Format.TXT, FrontMatter.EMPTY, text, 1), Set.of());
    }

    record Page(String text, List<String> article) {}

    @Provide
    Arbitrary<Page> pages() {
        Arbitrary<List<String>> header = Arbitraries.of("Vietnam.vn - Nền tảng quảng bá Việt Nam", "Home", "World", "Business",
                "Thời sự", "Kinh tế", "Menu", "Search", "Đăng nhập", "Subscribe", "Thứ hai, 23/09/2024", "Updated 12:43 PM",
                "WORLD NEWS", "Share", "Tweet").list().ofMaxSize(6);
        Arbitrary<List<String>> footer = Arbitraries.of("Source: https://news.example.com/a-1.html", "Comments (0)",
                "Bình luận (3)", "Related", "Xem thêm", "Tin liên quan", "Advertisement", "Share this article",
                "Copyright © 2024 Example News", "Back to top", "No data", "Home",
                "Prime minister opens new port in Hai Phong", "Floods hit northern provinces after typhoon")
                .list().ofMaxSize(8);
        Arbitrary<Integer> which = Arbitraries.integers().between(0, ARTICLES.size() - 1);
        return Combinators.combine(header, which, footer).as((h, i, f) -> {
            List<String> article = ARTICLES.get(i);
            List<String> lines = new ArrayList<>(h);
            lines.addAll(article);
            lines.addAll(f);
            return new Page(String.join("\n\n", lines), article);
        });
    }

    @Property(tries = 500)
    void everyParagraphOfTheArticleSurvivesItsFurniture(@ForAll @From("pages") Page page) {
        List<String> kept = clean(page.text()).paragraphs();
        for (String p : page.article()) assertTrue(kept.contains(p), "lost: " + p);
    }

    @Property(tries = 500)
    void cleaningTheCleanedTextChangesNothing(@ForAll @From("pages") Page page) {
        List<String> once = clean(page.text()).paragraphs();
        List<String> twice = clean(String.join("\n\n", once)).paragraphs();
        assertEquals(once, twice);
    }
}
