package briefing.build;

import briefing.model.Article;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Rebuilding after edits: what changes on disk is what a reader would see change, every other
 * file keeps its modification time, and the folder always equals a clean build's.
 */
class IncrementalBuildTest {
    @TempDir
    Path tmp;
    Path seeds, site, config;

    @BeforeEach
    void seeds() throws IOException {
        seeds = tmp.resolve("seeds");
        site = tmp.resolve("site");
        config = tmp.resolve("site.yml");
        Files.createDirectories(seeds);
        try (Stream<Path> s = Files.list(Path.of("seeds"))) {
            for (Path p : s.toList()) Files.copy(p, seeds.resolve(p.getFileName()));
        }
        // a translation pair, so an edit has a translation and parallel pages to reach
        Files.writeString(seeds.resolve("harbour.en.md"), """
                ---
                title: Da Nang opens a new container harbour
                date: 2024-10-02
                ---
                The city of Da Nang opened a new container harbour on Tuesday, doubling its capacity for cargo ships.

                Officials said the harbour will handle exports of electronics and seafood from central Vietnam.

                Local businesses welcomed the project, which took four years to build.
                """);
        Files.writeString(seeds.resolve("harbour.vi.md"), """
                ---
                title: Đà Nẵng khai trương cảng container mới
                date: 2024-10-02
                ---
                Thành phố Đà Nẵng đã khai trương cảng container mới vào thứ Ba, tăng gấp đôi năng lực đón tàu hàng.

                Các quan chức cho biết cảng sẽ phục vụ xuất khẩu hàng điện tử và thủy sản từ miền Trung Việt Nam.

                Doanh nghiệp địa phương hoan nghênh dự án, được xây dựng trong bốn năm.
                """);
        Files.writeString(config, "baseUrl: https://example.org/briefing/\n");
    }

    BuildReport build(Path out, boolean clean) throws Exception {
        return new Builder().build(new Builder.Options(seeds, out, Path.of("templates"), config, null, false, null, clean));
    }

    static Map<String, FileTime> times(Path dir) throws IOException {
        Map<String, FileTime> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) out.put(dir.relativize(p).toString(), Files.getLastModifiedTime(p));
        }
        return out;
    }

    static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
        }
        return out;
    }

    /** Files that are new or whose modification time moved since {@code before}. */
    static Set<String> touched(Path dir, Map<String, FileTime> before) throws IOException {
        Set<String> out = new HashSet<>();
        times(dir).forEach((f, t) -> {
            if (!t.equals(before.get(f))) out.add(f);
        });
        return out;
    }

    void assertSameAsCleanBuild() throws Exception {
        Path fresh = tmp.resolve("fresh").resolve("site");
        build(fresh, true);
        Map<String, byte[]> a = files(site), b = files(fresh);
        assertEquals(b.keySet(), a.keySet(), "the same files as a clean build");
        for (String k : a.keySet()) assertArrayEquals(b.get(k), a.get(k), k + " differs from a clean build's");
    }

    static Article article(BuildReport r, String id) {
        return r.articleList().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    static String page(Article a) {
        String edition = List.of("en", "vi").contains(a.lang()) ? a.lang() : "en";
        return edition + "/articles/" + a.slug() + "/index.html";
    }

    @Test
    void editingOneSeedChangesOnlyThePagesThatShowIt() throws Exception {
        BuildReport first = build(site, false);
        Article en = article(first, "harbour.en.md"), vi = article(first, "harbour.vi.md");
        assertEquals(List.of("harbour.vi.md"), en.translations(), "the fixture pair is paired");
        Map<String, byte[]> before = files(site);
        Map<String, FileTime> times = times(site);
        Thread.sleep(20); // a rewrite within the file system's time resolution would not show

        Path seed = seeds.resolve("harbour.en.md");
        Files.writeString(seed, Files.readString(seed).replace("four years", "five years"));
        BuildReport second = build(site, false);

        assertEquals(List.of("harbour.en.md"), second.changes().cleaned().stream().map(BuildCache.Reason::what).toList());
        assertEquals("seed changed", second.changes().cleaned().get(0).why());
        Set<String> touched = touched(site, times);
        String own = page(en);
        assertTrue(touched.contains(own), "the edited article's page is rewritten");
        assertTrue(new String(Files.readAllBytes(site.resolve(own)), StandardCharsets.UTF_8).contains("five years"));
        assertTrue(touched.contains("en/parallel/" + en.slug() + "/index.html"), "its parallel page is rewritten");
        assertTrue(touched.contains("vi/parallel/" + vi.slug() + "/index.html"), "its translation's parallel page is rewritten");
        // everything else rewritten must show the article: link to its pages
        String link = "articles/" + en.slug() + "/";
        for (String f : touched) {
            // the search index holds every article's words, not links
            if (f.equals(own) || f.contains("/parallel/") || f.startsWith("search/") || f.equals(".briefing-manifest")) continue;
            String text = new String(Files.readAllBytes(site.resolve(f)), StandardCharsets.UTF_8);
            assertTrue(text.contains(link), f + " was rewritten but does not show the edited article");
            assertFalse(Arrays.equals(before.get(f), Files.readAllBytes(site.resolve(f))), f + " was rewritten with the same bytes");
        }
        assertTrue(touched.size() < before.size() / 2, "most files keep their time: " + touched);
        // unrelated article pages were not even rendered
        Set<String> rendered = second.changes().rendered().stream().map(BuildCache.Reason::what).collect(Collectors.toSet());
        for (Article a : second.articleList()) {
            boolean near = a.id().equals(en.id()) || a.related().contains(en.id()) || a.translations().contains(en.id())
                    || a.sameEvent().contains(en.id());
            assertEquals(near, rendered.contains(page(a)), page(a) + (near ? " should be rendered" : " should be kept: "
                    + second.changes().rendered().stream().filter(x -> x.what().equals(page(a))).toList()
                    + " before " + article(first, a.id()) + " after " + a));
        }
        assertSameAsCleanBuild();
    }

    /**
     * The search index's text files hold eight articles each: after an edit, a build in a new
     * process makes again the one that holds the edited article, and keeps the others as they are.
     */
    @Test
    void anEditRewritesOnlyTheSearchTextFileHoldingTheArticle() throws Exception {
        for (int i = 0; i < 20; i++) Files.writeString(seeds.resolve("report-" + i + ".en.md"), KilledBuildTest.seed(i, "steady"));
        build(site, false);
        Map<String, FileTime> times = times(site);
        Thread.sleep(20); // a rewrite within the file system's time resolution would not show
        Path seed = seeds.resolve("report-7.en.md");
        Files.writeString(seed, Files.readString(seed).replace("steady", "record"));
        BuildReport r = build(site, false);
        Set<String> texts = touched(site, times).stream().filter(f -> f.startsWith("search/d/")).collect(Collectors.toSet());
        assertEquals(1, texts.size(), "one search text file rewritten: " + texts);
        List<String> made = r.changes().rendered().stream().map(BuildCache.Reason::what).filter(f -> f.startsWith("search/d/")).toList();
        long all;
        try (Stream<Path> s = Files.list(site.resolve("search/d"))) {
            all = s.count();
        }
        // besides the edited article's, the last one, filled as the build ends, is made every build
        assertTrue(all >= 3 && made.size() <= 2, made.size() + " of " + all + " search text files made again: " + made);
        assertTrue(Files.readString(site.resolve(texts.iterator().next())).contains("record cargo"));
        assertSameAsCleanBuild();
    }

    @Test
    void aDeletedSeedsPagesAreGoneAndNothingLinksToThem() throws Exception {
        BuildReport first = build(site, false);
        Article gone = article(first, "harbour.vi.md");
        Files.delete(seeds.resolve("harbour.vi.md"));
        BuildReport second = build(site, false);

        assertFalse(Files.exists(site.resolve(page(gone))));
        assertTrue(second.changes().filesDeleted().contains(page(gone)));
        for (Map.Entry<String, byte[]> f : files(site).entrySet()) {
            assertFalse(new String(f.getValue(), StandardCharsets.UTF_8).contains("articles/" + gone.slug() + "/"),
                    f.getKey() + " still links to the deleted article");
        }
        assertSameAsCleanBuild();
    }

    @Test
    void templateAndConfigurationChangesReachEveryPageTheyAffect() throws Exception {
        Path templates = tmp.resolve("templates");
        try (Stream<Path> s = Files.walk(Path.of("templates"))) {
            for (Path p : s.toList()) {
                Path t = templates.resolve(Path.of("templates").relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
        Builder.Options o = new Builder.Options(seeds, site, templates, config, null, false, null, false);
        new Builder().build(o);
        Path article = templates.resolve("calm/article.ftlh");
        Files.writeString(article, Files.readString(article).replace("<div class=\"body\">", "<div class=\"body\" data-v=\"2\">"));
        BuildReport r = new Builder().build(o);
        for (Article a : r.articleList()) {
            assertTrue(Files.readString(site.resolve(page(a))).contains("data-v=\"2\""), page(a) + " kept an old template");
        }
        assertTrue(r.changes().rendered().stream().anyMatch(x -> x.why().startsWith("templates")));

        Files.writeString(config, "baseUrl: https://example.org/briefing/\npageSize: 2\n");
        BuildReport paged = new Builder().build(o);
        assertEquals(r.articles(), paged.changes().cleaned().size(), "a configuration change cleans every article again");
        // the report says why, for every article and page alike
        assertTrue(paged.changes().cleaned().stream().allMatch(x -> x.why().startsWith("configuration")), paged.changes().cleaned().toString());
        assertTrue(paged.changes().rendered().stream().allMatch(x -> x.why().startsWith("templates, messages or settings")
                || x.why().startsWith("site-wide")), paged.changes().rendered().toString());
        assertTrue(Files.exists(site.resolve("en/page/2/index.html")));
        Path fresh = tmp.resolve("fresh").resolve("site");
        new Builder().build(new Builder.Options(seeds, fresh, templates, config, null, false, null, true));
        assertEquals(files(fresh).keySet(), files(site).keySet());
        for (Map.Entry<String, byte[]> f : files(fresh).entrySet()) {
            assertArrayEquals(f.getValue(), Files.readAllBytes(site.resolve(f.getKey())), f.getKey());
        }
    }

    /** A Markdown seed whose article comes from the cache is not read again, but what was wrong in it is still said. */
    @Test
    void aCachedSeedsWarningsAreReportedEveryBuild() throws Exception {
        Files.writeString(seeds.resolve("typo.en.md"), """
                ---
                title: A report with a mistyped key
                tpoics: [trade]
                ---
                Exporters in Hai Phong reported record shipments of furniture to Europe this quarter.
                """);
        Files.writeString(seeds.resolve("draft.en.md"), """
                ---
                draft: yes please
                ---
                Not ready.
                """);
        Set<String> first = warnings(build(site, false));
        assertTrue(first.stream().anyMatch(w -> w.startsWith("typo.en.md:3 unknown front matter key 'tpoics'")), first.toString());
        assertTrue(first.stream().anyMatch(w -> w.startsWith("draft.en.md:2 front matter 'draft'")), first.toString());
        BuildReport again = build(site, false);
        assertEquals(List.of(), again.changes().cleaned(), "every article from the cache");
        assertEquals(first, warnings(again));
    }

    private static Set<String> warnings(BuildReport r) {
        return r.problems().stream().map(p -> p.file() + ":" + p.line() + " " + p.message()).collect(Collectors.toSet());
    }

    /** {@code watch} writes its cache once builds pause: a build in a new process then redoes nothing. */
    @Test
    void aResidentBuildersCacheReachesTheDiskWhenBuildsPause() throws Exception {
        Builder b = Builder.resident();
        Builder.Options o = new Builder.Options(seeds, site, Path.of("templates"), config, null, false, null, false);
        b.build(o);
        Path seed = seeds.resolve("harbour.en.md");
        Files.writeString(seed, Files.readString(seed).replace("four years", "five years"));
        b.build(o); // at once: the first build's save has not begun, and this one's supersedes it
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!Files.exists(tmp.resolve(".briefing-cache/pages.json")) && System.nanoTime() < deadline) Thread.sleep(50);
        BuildReport fresh = build(site, false);
        assertEquals(List.of(), fresh.changes().cleaned(), "every article from the saved cache, the edited one's too");
        assertEquals(List.of(), fresh.changes().filesChanged());
    }

    /** In {@code watch}, a build that fails right after a good one (its cache not saved yet) does not stop the next. */
    @Test
    void aResidentBuilderBuildsAgainAfterAFailedBuild() throws Exception {
        Path templates = tmp.resolve("templates");
        Files.createDirectories(templates.resolve("calm"));
        Builder b = Builder.resident();
        Builder.Options o = new Builder.Options(seeds, site, templates, config, null, false, null, false);
        b.build(o);
        Files.writeString(templates.resolve("calm/article.ftlh"), "${article.noSuchField}");
        assertThrows(Builder.BuildFailure.class, () -> b.build(o));
        Files.delete(templates.resolve("calm/article.ftlh"));
        Path seed = seeds.resolve("harbour.en.md");
        Files.writeString(seed, Files.readString(seed).replace("four years", "five years"));
        BuildReport r = b.build(o);
        assertTrue(Files.readString(site.resolve(page(article(r, "harbour.en.md")))).contains("five years"));
    }

    @Test
    void oneBuilderRebuildsFromMemoryAndADamagedCacheIsNoCache() throws Exception {
        Builder b = new Builder();
        Builder.Options o = new Builder.Options(seeds, site, Path.of("templates"), config, null, false, null, false);
        b.build(o);
        BuildReport again = b.build(o);
        assertEquals(List.of(), again.changes().cleaned());
        assertEquals(again.articles(), again.changes().reused());
        assertEquals(List.of(), again.changes().filesChanged());

        try (Stream<Path> s = Files.walk(tmp.resolve(".briefing-cache"))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) Files.writeString(p, "{not json");
        }
        Path seed = seeds.resolve("harbour.vi.md");
        Files.writeString(seed, Files.readString(seed).replace("bốn năm", "năm năm"));
        BuildReport damaged = build(site, false);
        assertEquals(damaged.articles(), damaged.changes().cleaned().size(), "nothing is trusted from a damaged cache");
        assertSameAsCleanBuild();
    }

    /** A byte of an article's stored body flipped: the damaged entry is made again, neither published nor fatal. */
    @Test
    void anArticleWhoseStoredBodyIsDamagedIsMadeAgain() throws Exception {
        build(site, false);
        // an article entry ends with its compressed body
        damageSlotEnd("slots");
        BuildReport r = build(site, false);
        assertEquals(1, r.changes().cleaned().size(), "the one damaged entry is cleaned again: " + r.changes().cleaned());
        assertSameAsCleanBuild();
    }

    /** The same for an article's stored search entry (its text and words), which the search files are made from. */
    @Test
    void anArticlesDamagedSearchEntryIsDerivedAgain() throws Exception {
        build(site, false);
        damageSlotEnd("derived");
        try (Stream<Path> s = Files.list(site.resolve("search/d"))) {
            for (Path f : s.toList()) Files.delete(f); // made again from the entries, not kept
        }
        build(site, false);
        assertSameAsCleanBuild();
    }

    /** Flips a byte near the end of the first slot the cache's index lists in {@code map}. */
    private void damageSlotEnd(String map) throws IOException {
        com.fasterxml.jackson.databind.JsonNode index = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(tmp.resolve(".briefing-cache/index.json").toFile());
        Path pack = tmp.resolve(".briefing-cache").resolve(index.get("pack").asText());
        com.fasterxml.jackson.databind.JsonNode slot = index.get(map).elements().next();
        byte[] bytes = Files.readAllBytes(pack);
        bytes[(int) (slot.get("at").asLong() + slot.get("length").asLong() - 5)] ^= 0x5A;
        Files.write(pack, bytes);
    }

    /** {@code watch}'s builder stages into the site it replaced last time: that folder must end up as a clean build's. */
    @Test
    void aResidentBuilderStagingIntoItsSpareMakesTheCleanSite() throws Exception {
        Builder b = Builder.resident();
        stagingIntoTheReplacedSiteMakesTheCleanSite(() -> b, () -> {});
    }

    /**
     * A build in a new process stages into the folder the last one left too, telling what differs by
     * the files' identities; whatever else that folder came to hold must not reach the site.
     */
    @Test
    void aNewProcessStagingIntoTheFolderTheLastBuildLeftMakesTheCleanSite() throws Exception {
        Path old = tmp.resolve(".site.old");
        stagingIntoTheReplacedSiteMakesTheCleanSite(Builder::new, () -> {
            Files.writeString(old.resolve("stray.txt"), "not the site's\n");
            Files.createDirectories(old.resolve("en/empty/folder"));
            Files.createSymbolicLink(old.resolve("en/link.html"), seeds.resolve("harbour.en.md").toAbsolutePath());
            // a page of the old site as a copy of its own (not a link to the live page), with other bytes
            Path page = old.resolve("index.html");
            Files.delete(page);
            Files.writeString(page, "stale\n");
        });
    }

    interface Step {
        void run() throws Exception;
    }

    private void stagingIntoTheReplacedSiteMakesTheCleanSite(java.util.function.Supplier<Builder> builder, Step spoilSpare)
            throws Exception {
        Builder.Options o = new Builder.Options(seeds, site, Path.of("templates"), config, null, false, null, false);
        builder.get().build(o);
        Files.writeString(site.resolve("CNAME"), "news.example.org\n");
        Path seed = seeds.resolve("harbour.en.md");
        Files.writeString(seed, Files.readString(seed).replace("four years", "five years"));
        builder.get().build(o);
        assertTrue(Files.isDirectory(tmp.resolve(".site.old")), "the replaced site is kept for the next build");
        spoilSpare.run();
        Builder b = builder.get();
        Map<String, FileTime> times = times(site);
        Thread.sleep(20);
        Files.writeString(seed, Files.readString(seed).replace("five years", "six years"));
        Files.delete(seeds.resolve("harbour.vi.md"));
        Files.writeString(site.resolve("extra.txt"), "the user's\n");
        BuildReport third = b.build(o);
        assertFalse(third.changes().filesDeleted().isEmpty(), "the deleted translation's pages are gone");
        assertEquals("news.example.org\n", Files.readString(site.resolve("CNAME")), "a file the generator did not write stays");
        assertEquals("the user's\n", Files.readString(site.resolve("extra.txt")));
        for (String junk : List.of("stray.txt", "en/empty", "en/link.html")) {
            assertFalse(Files.exists(site.resolve(junk), java.nio.file.LinkOption.NOFOLLOW_LINKS), junk + " came into the site");
        }
        assertNotEquals("stale\n", Files.readString(site.resolve("index.html")));
        Set<String> touched = touched(site, times);
        touched.remove("extra.txt");
        touched.remove(".briefing-manifest");
        assertEquals(new java.util.TreeSet<>(third.changes().filesChanged()), new java.util.TreeSet<>(touched),
                "only the files whose bytes changed have a new time");
        Files.delete(site.resolve("CNAME"));
        Files.delete(site.resolve("extra.txt"));
        Files.writeString(seed, Files.readString(seed).replace("six years", "seven years"));
        b.build(o);
        assertFalse(Files.exists(site.resolve("CNAME")), "a file the user deleted does not come back");
        b.build(o); // nothing changed: the spare is brought level once more
        assertSameAsCleanBuild();
        try (Stream<Path> s = Files.walk(site)) {
            for (Path d : s.filter(Files::isDirectory).toList()) {
                try (Stream<Path> in = Files.list(d)) {
                    assertTrue(in.findAny().isPresent(), d + " is an empty folder, which a clean build does not make");
                }
            }
        }
    }

    /**
     * {@code watch}'s builder looks again at the files it committed rather than walking its site:
     * what a user did to the site between two builds, in any folder, is still seen by the next build.
     */
    @Test
    void aResidentBuilderSeesWhatWasDoneToItsSiteByHand() throws Exception {
        Builder b = Builder.resident();
        Builder.Options o = new Builder.Options(seeds, site, Path.of("templates"), config, null, false, null, false);
        BuildReport first = b.build(o);
        b.build(o, Set.of()); // the second build of a process is the first to look at a site it committed
        String harbour = page(article(first, "harbour.en.md"));
        String other = page(article(first, "harbour.vi.md"));
        byte[] page = Files.readAllBytes(site.resolve(harbour)), otherPage = Files.readAllBytes(site.resolve(other));
        Path notes = site.resolve(harbour).resolveSibling("notes.txt");
        Path plan = site.resolve("en/drafts/2024/plan.txt");
        Files.writeString(notes, "the user's notes\n");
        Files.createDirectories(plan.getParent());
        Files.writeString(plan, "the user's plan\n");
        Files.writeString(site.resolve(harbour), "overwritten by hand");
        Files.delete(site.resolve(other));
        b.build(o, Set.of());
        assertEquals("the user's notes\n", Files.readString(notes), "a file added beside a page stays");
        assertEquals("the user's plan\n", Files.readString(plan), "a folder added by hand stays");
        assertArrayEquals(page, Files.readAllBytes(site.resolve(harbour)), "a page overwritten by hand is made again");
        assertArrayEquals(otherPage, Files.readAllBytes(site.resolve(other)), "a page deleted by hand is back");
        // the user deletes the file and leaves its folders; builds stage into the site before last, in turn
        Files.delete(plan);
        Files.delete(notes);
        for (int i = 0; i < 2; i++) {
            b.build(o, Set.of());
            assertFalse(Files.exists(notes), "a file the user deleted does not come back");
        }
        Path again = plan.resolveSibling("plan2.txt");
        Files.createDirectories(again.getParent());
        Files.writeString(again, "the user's second plan\n");
        for (int i = 0; i < 3; i++) {
            b.build(o, Set.of());
            assertEquals("the user's second plan\n", Files.readString(again), "a file put into a folder the user emptied stays");
        }
    }

    /**
     * Builds of another process between two of {@code watch}'s swap two folders in and out as the
     * site, so after two of them the output folder is the very folder {@code watch} committed: it
     * must still see that another build made what is in it.
     */
    @Test
    void aResidentBuilderSeesTheSiteOfAnotherProcesssBuilds() throws Exception {
        Builder b = Builder.resident();
        Builder.Options o = new Builder.Options(seeds, site, Path.of("templates"), config, null, false, null, false);
        b.build(o);
        b.build(o, Set.of());
        Path added = seeds.resolve("storm.en.md");
        Files.writeString(added, """
                ---
                title: Typhoon Yagi reaches the coast
                date: 2024-10-09
                ---
                Typhoon Yagi reached the coast of Vietnam on Saturday, bringing heavy rain to Da Nang and its new harbour.
                """);
        new Builder().build(o);
        new Builder().build(o);
        Files.delete(added);
        b.build(o, null);
        assertSameAsCleanBuild();
    }

    /** A page written by hand just as a build of {@code watch} ends is made again by the next, though its size is the same. */
    @Test
    void aPageOverwrittenRightAfterABuildIsMadeAgain() throws Exception {
        Builder b = Builder.resident();
        Builder.Options o = new Builder.Options(seeds, site, Path.of("templates"), config, null, false, null, false);
        String harbour = page(article(b.build(o), "harbour.en.md"));
        Path seed = seeds.resolve("harbour.en.md");
        for (String[] edit : List.of(new String[] {"four years", "five years"}, new String[] {"five years", "four years"})) {
            Files.writeString(seed, Files.readString(seed).replace(edit[0], edit[1]));
            b.build(o, Set.of(seed.toAbsolutePath().normalize())); // the page is rendered anew
            Path p = site.resolve(harbour);
            byte[] made = Files.readAllBytes(p), spoilt = made.clone();
            spoilt[spoilt.length - 2] ^= 1;
            Files.write(p, spoilt);
            b.build(o, Set.of());
            assertArrayEquals(made, Files.readAllBytes(p), "the page the user overwrote is made again");
        }
    }

    /**
     * {@code watch} keeps its search index, digests and page stamps between builds, and tells the
     * builder which seeds it saw change: after every one of a run of edits, additions, moves and
     * deletions, its site equals a clean build's.
     */
    @Test
    void aWatchedSiteEqualsACleanBuildAfterEveryChange() throws Exception {
        Builder b = Builder.resident();
        Builder.Options o = new Builder.Options(seeds, site, Path.of("templates"), config, null, false, null, false);
        b.build(o);
        Path en = seeds.resolve("harbour.en.md"), vi = seeds.resolve("harbour.vi.md"), storm = seeds.resolve("storm.en.md");
        Path folder = seeds.resolve("more"), moved = tmp.resolve("moved-away");
        List<String> steps = List.of("edit a paragraph", "break a line", "overwrite a page of the site by hand", "add the newest article", "edit its title", "move an article by its date",
                "delete an article", "edit two articles", "save through a temporary file", "add a folder with an article",
                "move the folder out of the seeds", "replace an article by a link out of the seeds", "nothing");
        for (String step : steps) {
            Set<Path> changed = switch (step) {
                case "edit a paragraph", "break a line" -> Set.of(en);
                case "overwrite a page of the site by hand", "nothing" -> Set.of();
                case "add the newest article", "edit its title", "delete an article" -> Set.of(storm);
                case "move an article by its date" -> Set.of(vi);
                case "save through a temporary file" -> Set.of(en, seeds.resolve("sed1234"));
                case "add a folder with an article", "move the folder out of the seeds" -> Set.of(folder);
                case "replace an article by a link out of the seeds" -> Set.of(en);
                default -> Set.of(en, vi);
            };
            switch (step) {
                case "edit a paragraph" -> Files.writeString(en, Files.readString(en).replace("four years", "five years"));
                // the same words in other Markdown: a hard line break, which only the page shows
                case "break a line" -> Files.writeString(en, Files.readString(en).replace("the project, which", "the project,  \nwhich"));
                case "overwrite a page of the site by hand" -> Files.writeString(site.resolve("en/topics/index.html"), "mine");
                case "add the newest article" -> Files.writeString(storm, """
                        ---
                        title: Typhoon Yagi reaches the coast
                        date: 2024-10-09
                        ---
                        Typhoon Yagi reached the coast of Vietnam on Saturday, bringing heavy rain to Da Nang and its new harbour.

                        Cargo ships left the harbour before the storm.
                        """);
                case "edit its title" -> Files.writeString(storm, Files.readString(storm).replace("reaches the coast", "makes landfall"));
                case "move an article by its date" -> Files.writeString(vi, Files.readString(vi).replace("2024-10-02", "2023-01-05"));
                case "delete an article" -> Files.delete(storm);
                case "edit two articles" -> {
                    Files.writeString(en, Files.readString(en).replace("seafood", "coffee and seafood"));
                    Files.writeString(vi, Files.readString(vi).replace("bốn năm", "năm năm"));
                }
                case "save through a temporary file" -> {
                    Files.writeString(seeds.resolve("sed1234"), Files.readString(en).replace("coffee", "tea"));
                    Files.move(seeds.resolve("sed1234"), en, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                case "add a folder with an article" -> {
                    Files.createDirectories(folder);
                    Files.writeString(folder.resolve("port.en.md"), """
                            ---
                            title: A second port opens in Hai Phong
                            date: 2024-10-11
                            ---
                            A second deep-water port opened in Hai Phong on Friday, after four years of work.
                            """);
                }
                case "move the folder out of the seeds" -> Files.move(folder, moved);
                case "replace an article by a link out of the seeds" -> {
                    Path outside = tmp.resolve("outside.en.md");
                    Files.move(en, outside);
                    Files.createSymbolicLink(en, outside);
                }
                default -> { }
            }
            Set<Path> seen = new java.util.HashSet<>();
            for (Path p : changed) seen.add(p.toAbsolutePath().normalize());
            BuildReport r = b.build(o, seen);
            try {
                // a seed the builder still believed in would be an unreadable file, which a clean build does not report
                assertEquals(List.of(), r.problems().stream().filter(briefing.model.Problem::isError).toList());
                assertSameAsCleanBuild();
            } catch (AssertionError e) {
                throw new AssertionError("after '" + step + "': " + e.getMessage(), e);
            }
        }
    }

    /** A seed added while {@code watch}'s builds fail still reaches the site once they succeed again. */
    @Test
    void aSeedAddedWhileBuildsFailIsListedOnceTheyWorkAgain() throws Exception {
        Builder b = Builder.resident();
        Builder.Options o = new Builder.Options(seeds, site, Path.of("templates"), config, null, false, null, false);
        b.build(o);
        String good = Files.readString(config);
        Files.writeString(config, "pageSize: [\n");
        assertThrows(Builder.BuildFailure.class, () -> b.build(o, Set.of()));
        Path port = seeds.resolve("port.en.md");
        Files.writeString(port, """
                ---
                title: A second port opens in Hai Phong
                date: 2024-10-11
                ---
                A second deep-water port opened in Hai Phong on Friday, after four years of work.
                """);
        // the failed build is the one told of the new seed
        assertThrows(Builder.BuildFailure.class, () -> b.build(o, Set.of(port.toAbsolutePath().normalize())));
        Files.writeString(config, good);
        b.build(o, Set.of());
        assertSameAsCleanBuild();
    }

    @Test
    void aFailedBuildLeavesTheLastGoodSite() throws Exception {
        Path templates = tmp.resolve("templates");
        Files.createDirectories(templates.resolve("calm"));
        build(site, false);
        Map<String, byte[]> good = files(site);
        // the article template fails at render time, after other pages were staged
        Files.writeString(templates.resolve("calm/article.ftlh"), "${article.noSuchField}");
        Builder.Options o = new Builder.Options(seeds, site, templates, config, null, false, null, true);
        Builder.BuildFailure f = assertThrows(Builder.BuildFailure.class, () -> new Builder().build(o));
        assertTrue(f.getMessage().contains("article.ftlh"), f.getMessage());
        Map<String, byte[]> after = files(site);
        assertEquals(good.keySet(), after.keySet());
        for (String k : good.keySet()) assertArrayEquals(good.get(k), after.get(k), k);
        try (Stream<Path> s = Files.list(tmp)) {
            Set<String> names = s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(HashSet::new));
            assertTrue(names.stream().noneMatch(n -> n.startsWith(".site.tmp-")), "no staging folder is left: " + names);
        }
    }
}
