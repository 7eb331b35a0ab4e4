package briefing.clean;

import briefing.model.Cleaned;
import briefing.model.Format;
import briefing.model.RawDocument;
import briefing.source.SourceLoader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signals that come from the shape of a whole copied page rather than from one line:
 * where the article starts and ends among the page's other blocks of text.
 */
class PageShapeTest {
    private static final List<String> ARTICLE = List.of(
            "Negotiators from both countries met again on Monday in the capital, the foreign ministry said in a statement.",
            "The talks had been suspended last week after a dispute over the agenda, which both sides blamed on the other.",
            "Officials said the new round would focus on trade, border crossings and the return of seized fishing boats.");

    static Cleaned clean(String page) {
        return clean(page, Set.of());
    }

    static Cleaned clean(String page, Set<String> furniture) {
        RawDocument d = new SourceLoader(1 << 20).parse("page.txt", Format.TXT,
                page.getBytes(StandardCharsets.UTF_8), new ArrayList<>());
        return SeedCleaningTest.CLEANER.clean(d, furniture);
    }

    @Test
    void readersCommentsUnderTimeStampsAreNotTheArticle() {
        String page = """
                Home
                World
                Talks between the two neighbours resume after a week of delays
                Posted by Jane Doe on November 19, 2019, 6:21 AM
                """ + String.join("\n", ARTICLE) + """

                Share this:
                reader123 says:
                November 19, 2019 at 6:34 am
                I have been following these talks for years and I do not believe a word the ministry says about the agenda, to be honest with you all.
                another_reader says:
                November 19, 2019 at 6:44 am
                Nothing will come of it, just like last time, and the time before that, when they promised a joint statement and never delivered one.
                """;
        Cleaned c = clean(page);
        assertEquals(ARTICLE, c.paragraphs());
        assertEquals("Talks between the two neighbours resume after a week of delays", c.title());
    }

    @Test
    void aPhotoCreditBetweenParagraphsIsACaptionNotTheSiteCopyright() {
        String page = """
                Home
                Talks between the two neighbours resume after a week of delays
                """ + ARTICLE.get(0) + "\nImage copyright Reuters\n" + ARTICLE.get(1)
                + "\n© Jane Doe The delegations arrive at the ministry on Monday morning\n" + ARTICLE.get(2) + """

                Contact us
                © 2024 Example News. All rights reserved.
                Privacy policy
                """;
        Cleaned c = clean(page);
        assertEquals(ARTICLE, c.paragraphs());
        assertEquals(List.of("Image copyright Reuters", "© Jane Doe The delegations arrive at the ministry on Monday morning"),
                c.captions());
    }

    @Test
    void linesOfInvisibleSpacesAreBlank() {
        String page = "Home\nTalks between the two neighbours resume after a week of delays\n"
                + String.join("\n\u200b\n\u00a0\n", ARTICLE) + "\nContact us\n";
        Cleaned c = clean(page);
        assertEquals(ARTICLE, c.paragraphs());
        assertTrue(c.verdicts().stream().noneMatch(v -> TextCleaner.blank(v.text())));
    }

    @Test
    void withNoHeadlineOrDateACookieNoticeAtTheTopIsNotTheArticle() {
        String notice = "We use cookies and other tracking technologies to improve your browsing experience on our site.";
        String page = notice + "\nHome\nWorld\nBusiness\nSport\nMenu\n" + String.join("\n", ARTICLE) + "\nContact us\n";
        Cleaned c = clean(page);
        assertEquals(ARTICLE, c.paragraphs());
    }

    @Test
    void aHeadlineWithAWordEndingInAViewCueBeforeANumberIsTheTitle() {
        String headline = "Book reviews 2024: the novels our critics could not put down";
        String page = "Home | World | Business\n" + headline + "\n" + String.join("\n", ARTICLE) + "\nContact us\n";
        assertEquals(headline, clean(page).title());
    }

    @Test
    void theHeadlineOverTheDateIsTheTitleEvenWhenOtherFilesOfTheSiteListItToo() {
        String headline = "Talks between the two neighbours resume after a week of delays";
        String page = "Home | World | Business\n" + headline + "\nSunday, December 08, 2024 02:58\n"
                + String.join("\n", ARTICLE) + "\nHome | World | Business\n";
        Cleaned c = clean(page, Set.of("home | world | business", headline.toLowerCase(java.util.Locale.ROOT)));
        assertEquals(headline, c.title());
        assertEquals(ARTICLE, c.paragraphs());
    }

    @Test
    void aListTheArticleIntroducesWithAColonIsPartOfIt() {
        List<String> items = List.of("June 9 -- Riverside Arena, Springfield", "June 12 -- Harbour Hall, Portsmouth",
                "Aug. 2 -- City Park Stage, Lakeside", "Sept. 14 -- Old Mill Theatre, Brookfield");
        String page = "Home\nWorld\nTalks between the two neighbours resume after a week of delays\n"
                + String.join("\n", ARTICLE) + "\nThe delegations will meet again on these dates:\n"
                + String.join("\n", items) + "\nShare this:\nFacebook\nTwitter\nTags:\nTrade\nFishing\n";
        Cleaned c = clean(page);
        List<String> expected = new ArrayList<>(ARTICLE);
        expected.add("The delegations will meet again on these dates:");
        expected.addAll(items);
        assertEquals(expected, c.paragraphs());
    }

    @Test
    void aRunOfShortLinesInsideTheArticleIsAMenuNotSubheadings() {
        List<String> names = List.of("Jane Doe", "John Smith", "Maria Rossi");
        String page = "Home\nTalks between the two neighbours resume after a week of delays\n"
                + ARTICLE.get(0) + "\n" + ARTICLE.get(1) + "\n" + String.join("\n", names) + "\n"
                + ARTICLE.get(2) + "\n" + LAST + "\nContact us\n";
        Cleaned c = clean(page);
        List<String> expected = new ArrayList<>(ARTICLE);
        expected.add(LAST);
        assertEquals(expected, c.paragraphs());
    }

    @Test
    void aCreditUnderTheHeadlineIsACaptionNotASubheading() {
        String page = "Home\nTalks between the two neighbours resume after a week of delays\nSunday, December 08, 2024\n"
                + "Image via Getty Images\n" + String.join("\n", ARTICLE) + "\nContact us\n";
        Cleaned c = clean(page);
        assertEquals(ARTICLE, c.paragraphs());
        assertEquals(List.of("Image via Getty Images"), c.captions());
    }

    @Test
    void aLongLineOfKeywordsIsNotProse() {
        String keywords = "border talks, fishing boats, trade agreement, foreign ministry, joint statement, seized boats, "
                + "border crossings, regional trade, neighbouring countries, capital city, ministry spokesman, agenda dispute, "
                + "coastal patrols, harbour fees, customs checks";
        String page = "Home\nTalks between the two neighbours resume after a week of delays\n"
                + String.join("\n", ARTICLE) + "\n" + keywords + "\nContact us\n";
        Cleaned c = clean(page);
        assertEquals(ARTICLE, c.paragraphs());
    }

    private static final String MORE = "Both delegations are expected to report back to their governments before the end of the month, "
            + "and a final text could be signed early next year if the remaining questions on fishing rights are settled.";

    /** Headline, byline, date and one sentence, three times: other stories, not this one. */
    private static final String TEASERS = """
            Opinion
            Why the harbour fees will not go away this winter
            Anna Berg
            Tuesday, November 19, 2019
            Every winter the same argument comes back, and every winter the harbour board finds a new reason to delay the decision that everyone in the port has been waiting for since the old agreement ran out, while the boats keep paying the old rates.
            A new bridge for the old town, twenty years late
            Tom Weber
            Tuesday, November 19, 2019
            The city council finally approved the money on Monday, after a vote that took less than ten minutes and ended a quarrel that had outlasted three mayors, two floods and the patience of everyone who crosses the river twice a day.
            What the fishing quota means for small ports
            Lena Novak
            Monday, November 18, 2019
            Small ports have lost half their boats in a decade, and the new quota, however it is shared out between the regions, will not bring them back unless the rules on who may buy a licence change as well.
            About us
            Contact
            """;

    @Test
    void aListOfTeasersAfterTheArticleIsNotPartOfIt() {
        String page = "Home\nTalks between the two neighbours resume after a week of delays\nSunday, December 08, 2024\n"
                + String.join("\n", ARTICLE) + "\n" + LAST + "\n" + MORE + "\nShare this:\n" + TEASERS;
        Cleaned c = clean(page);
        List<String> expected = new ArrayList<>(ARTICLE);
        expected.add(LAST);
        expected.add(MORE);
        assertEquals(expected, c.paragraphs());
    }

    @Test
    void aRoundUpOfItemsUnderShortLinesIsTheArticleWhenNoRunOfParagraphsStandsBesideIt() {
        // each item reads like a teaser (two short lines, one paragraph); with no run of
        // paragraphs elsewhere on the page, the items are the article
        List<String> items = List.of(
                "The small speaker fills a living room without trouble, keeps going for a whole day on one charge and survives a fall from the kitchen table, which is more than most of its rivals can say.",
                "The reader has a warm light for the evening, a battery that lasts for weeks and a screen that stays sharp in the sun, and it costs less than a year of newspapers did ten years ago.",
                "The watch counts steps, tracks sleep and shows messages without asking for a charge every night, and its plain face looks like an ordinary watch at a dinner party or in the office.",
                "The headphones shut out the noise of a train or a plane, fold into a coat pocket and switch between a laptop and a phone on their own, which makes them the pick for anyone who travels.");
        StringBuilder page = new StringBuilder("Home\nThe best gadgets of the year\nSunday, December 08, 2024\n"
                + "Another year of launches is behind us, and some of them were worth the wait.\n"
                + "These are the ones we kept using after the review was written.\n");
        String[] names = {"Harbour Mini speaker", "Lantern e-reader", "Tidewater watch", "Quietline headphones"};
        for (int i = 0; i < items.size(); i++) {
            page.append(names[i]).append(" for $99\nSee it now: Shop\n").append(items.get(i)).append('\n');
        }
        Cleaned c = clean(page + "About us\nContact\n");
        assertTrue(c.paragraphs().containsAll(items), String.join("\n", c.paragraphs()));
    }

    /** The article's second half, after a box of links set into it. */
    private static final List<String> SECOND_HALF = List.of(
            "Fishing crews on both sides of the bay have waited more than a year for a deal that would let them return to their old grounds.",
            "Several harbour towns have seen their fleets shrink by a third since the dispute began, local officials said this week.");

    @Test
    void aCommentsEntryInTheMenuDoesNotCutTheArticleAtABoxOfRelatedLinks() {
        // a comment section follows an article; a "Comments" menu entry above it heads none
        String page = "Home\nComments\nTalks between the two neighbours resume after a week of delays\nSunday, December 08, 2024\n"
                + String.join("\n", ARTICLE) + "\n" + LAST + "\n"
                + "Related articles\nFishing boats seized off the coast again\nWhy the border talks keep failing\n"
                + String.join("\n", SECOND_HALF) + "\nShare this:\nFacebook\nTwitter\nEmail\n";
        Cleaned c = clean(page);
        List<String> expected = new ArrayList<>(ARTICLE);
        expected.add(LAST);
        expected.addAll(SECOND_HALF);
        assertEquals(expected, c.paragraphs());
    }

    @Test
    void linesCutShortWithAnEllipsisAreTeasersNotTheArticle() {
        String page = "Home\nTalks between the two neighbours resume after a week of delays\nSunday, December 08, 2024\n"
                + String.join("\n", ARTICLE) + "\n" + LAST + "\nLatest\n"
                + "Harbour board delays the decision on fees again...\nCity council approves the money for the new bridge...\n"
                + "Small ports lose half their boats in a decade...\nAbout us\n";
        Cleaned c = clean(page);
        List<String> expected = new ArrayList<>(ARTICLE);
        expected.add(LAST);
        assertEquals(expected, c.paragraphs());
    }

    @Test
    void aGallerysTextsBetweenPhotoNumbersAndCreditsAreCaptions() {
        List<String> texts = List.of("An artist's drawing of the new harbour wall at dusk.",
                "The old pier as it stood before the storm of last winter.");
        String page = "Home\nTalks between the two neighbours resume after a week of delays\nSunday, December 08, 2024\n"
                + ARTICLE.get(0) + "\n" + ARTICLE.get(1) + "\n(Image credit: Harbour Board)\nImage 2 of 3\n" + texts.get(0)
                + "\n(Image credit: Harbour Board)\nImage 3 of 3\n" + texts.get(1) + "\n(Image credit: Jane Doe)\n"
                + ARTICLE.get(2) + "\n" + LAST + "\nContact us\n";
        Cleaned c = clean(page);
        List<String> expected = new ArrayList<>(ARTICLE);
        expected.add(LAST);
        assertEquals(expected, c.paragraphs());
        assertTrue(c.captions().containsAll(texts), String.join("\n", c.captions()));
    }

    @Test
    void paragraphsEachFollowedByTheSameLinksUnderARelatedHeaderAreTeaserCards() {
        // each card's text is long enough to read as prose; the share line after each card,
        // which the article's own paragraphs lack, shows them to be a list of other stories
        List<String> cards = List.of(
                "Every winter the same argument comes back, and every winter the harbour board finds a new reason to delay the decision that everyone in the port has been waiting for since the old agreement ran out.",
                "The city council finally approved the money on Monday, after a vote that took less than ten minutes and ended a quarrel that had outlasted three mayors, two floods and the patience of everyone who crosses the river.",
                "Small ports have lost half their boats in a decade, and the new quota, however it is shared out between the regions, will not bring them back unless the rules on who may buy a licence change as well.",
                "The old lighthouse will open to visitors again next spring, after a repair that cost twice what the town had planned and took three years longer than the engineers had promised at the start.");
        StringBuilder page = new StringBuilder("Home\nTalks between the two neighbours resume after a week of delays\n"
                + "Sunday, December 08, 2024\n" + String.join("\n", ARTICLE) + "\n" + LAST + "\nYou may also like\n");
        for (String card : cards) page.append(card).append("\nShare Facebook Email\n");
        Cleaned c = clean(page + "About us\nContact\n");
        List<String> expected = new ArrayList<>(ARTICLE);
        expected.add(LAST);
        assertEquals(expected, c.paragraphs());
    }

    @Test
    void aRelatedListsHeaderNamedAfterItsCueEndsAtTheNextParagraph() {
        String page = "Home\nTalks between the two neighbours resume after a week of delays\nSunday, December 08, 2024\n"
                + ARTICLE.get(0) + "\n" + ARTICLE.get(1) + "\nMore from Europe\nFishing boats seized off the coast again\n"
                + "Why the border talks keep failing\n" + ARTICLE.get(2) + "\n" + LAST + "\nContact us\n";
        Cleaned c = clean(page);
        List<String> expected = new ArrayList<>(ARTICLE);
        expected.add(LAST);
        assertEquals(expected, c.paragraphs());
    }

    @Test
    void aListOfPhrasesTheArticleIntroducesWithAColonIsPartOfIt() {
        List<String> items = List.of("Fishing rights in the northern bay", "Harbour fees for boats from either side",
                "The return of the seized vessels and their crews");
        String page = "Home\nTalks between the two neighbours resume after a week of delays\nSunday, December 08, 2024\n"
                + String.join("\n", ARTICLE) + "\nThe agreement covers:\n" + String.join("\n", items)
                + "\nContact us\nAbout us\nPrivacy Policy\n";
        Cleaned c = clean(page);
        List<String> expected = new ArrayList<>(ARTICLE);
        expected.add("The agreement covers:");
        expected.addAll(items);
        assertEquals(expected, c.paragraphs());
    }

    @Test
    void aCommentsHeaderEndingInAColonDoesNotIntroduceAListOfTheArticle() {
        List<String> comments = List.of("Great work by the negotiators on both sides", "Fishing rights should have come first here",
                "The harbour fees will hurt the smaller boats most");
        String page = "Home\nTalks between the two neighbours resume after a week of delays\nSunday, December 08, 2024\n"
                + String.join("\n", ARTICLE) + "\nLeave a comment:\n" + String.join("\n", comments)
                + "\nContact us\nAbout us\nPrivacy Policy\n";
        assertEquals(ARTICLE, clean(page).paragraphs());
    }

    @Test
    void aRunOfHeadlinesInsideTheArticleIsAListOfOtherStories() {
        String page = "Home\nTalks between the two neighbours resume after a week of delays\nSunday, December 08, 2024\n"
                + ARTICLE.get(0) + "\n" + ARTICLE.get(1) + "\nMore Great Stories From Our Desk\n"
                + "Fishing boats seized off the coast again\nThe new harbour fees explained in five charts\n"
                + "Why the border crossing closes at night\n" + ARTICLE.get(2) + "\n" + LAST + "\nContact us\n";
        List<String> article = new ArrayList<>(ARTICLE);
        article.add(LAST);
        assertEquals(article, clean(page).paragraphs());
    }

    @Test
    void headlineShapedLinesTheArticleIntroducesOrNumbersStayAsItsList() {
        List<String> introduced = List.of("Fishing rights in the northern bay", "Harbour fees for boats from either side",
                "The return of the seized vessels and their crews");
        List<String> numbered = List.of("1. Fishing rights in the bay", "2. Harbour fees for boats", "3. The seized vessels");
        String page = "Home\nTalks between the two neighbours resume after a week of delays\nSunday, December 08, 2024\n"
                + ARTICLE.get(0) + "\nThe agenda, as the ministry put it\u2026\n" + String.join("\n", introduced) + "\n"
                + ARTICLE.get(1) + "\n" + String.join("\n", numbered) + "\n" + ARTICLE.get(2) + "\n" + LAST + "\nContact us\n";
        List<String> paras = clean(page).paragraphs();
        assertTrue(paras.containsAll(introduced), String.join("\n", paras));
        assertTrue(paras.containsAll(numbered), String.join("\n", paras));
    }

    /** Two more long paragraphs, for articles whose tail must stand well clear of their start. */
    private static final List<String> LONGER = List.of(
            "Fishermen on both sides of the bay have waited since the spring for their boats, which were seized "
                    + "by coast guards in a series of incidents that each government described as a violation of its waters.",
            "Trade between the two countries fell by a fifth last year, according to figures from the statistics office, "
                    + "as lorries queued for days at the two main crossings and exporters turned to longer routes by sea.");

    @Test
    void aSignUpPromptInTheArticlesTailEndsIt() {
        List<String> article = new ArrayList<>(ARTICLE);
        article.addAll(LONGER);
        article.add(LAST);
        String page = "Home\nTalks between the two neighbours resume after a week of delays\nSunday, December 08, 2024\n"
                + String.join("\n", article) + "\n"
                + "Want more news like this? Subscribe to our morning briefing and get it first.\n"
                + "No spam, we promise. You can leave the list at any time with one click.\n"
                + "Contact us\n";
        assertEquals(article, clean(page).paragraphs());
    }

    @Test
    void aSignUpPromptFollowedByAnotherLongPromptEndsTheArticle() {
        List<String> article = new ArrayList<>(ARTICLE);
        article.addAll(LONGER);
        article.add("Both governments have promised to publish the full text of any agreement, and opposition parties in each "
                + "parliament have said they will demand a vote before the border crossings reopen to lorries and buses.");
        article.add("Diplomats from three other countries in the region are expected to attend the next round as observers, "
                + "after both sides asked for outside help in settling the question of the seized fishing boats.");
        article.add(LAST);
        String page = "Home\nTalks between the two neighbours resume after a week of delays\nSunday, December 08, 2024\n"
                + String.join("\n", article) + "\n"
                + "Need more news? Subscribe to our sister magazine for the latest stories from the region!\n"
                + "Join our reader forums to keep talking about the talks and the boats, and if you have a news tip, "
                + "a correction or a comment, let our editors know with the form on our contact page.\n"
                + "Contact us\n";
        assertEquals(article, clean(page).paragraphs());
    }

    @Test
    void aSignUpPromptWithTheArticleGoingOnAfterItDoesNotEndIt() {
        String more = "The ministry added that both delegations had agreed to meet again within a month, in the other capital, "
                + "and that the foreign ministers themselves might join the final round if the working groups made progress.";
        String page = "Home\nTalks between the two neighbours resume after a week of delays\nSunday, December 08, 2024\n"
                + String.join("\n", ARTICLE) + "\n" + LAST + "\nSubscribe to our morning briefing and get it first.\n"
                + more + "\nContact us\n";
        assertTrue(clean(page).paragraphs().contains(more));
    }

    @Test
    void headlinesEachOverOneShortSentenceAfterTheArticleAreTeasers() {
        String teasers = """
                Why the harbour fees will not go away this winter
                The harbour board finds a new reason to delay the decision every year.
                A new bridge for the old town, twenty years late
                The city council finally approved the money on Monday after a short vote.
                What the fishing quota means for small ports
                Small ports stand to lose most from the new quota, their mayors say.
                """;
        String page = "Home\nTalks between the two neighbours resume after a week of delays\nSunday, December 08, 2024\n"
                + String.join("\n", ARTICLE) + "\n" + LAST + "\n" + MORE + "\nShare this:\n" + teasers + "Contact us\n";
        List<String> expected = new ArrayList<>(ARTICLE);
        expected.add(LAST);
        expected.add(MORE);
        assertEquals(expected, clean(page).paragraphs());
    }

    @Test
    void aNumberedListUnderAHeaderRightAfterTheArticleIsPartOfIt() {
        List<String> dates = List.of("June 9 – Springfield, Riverside Arena", "June 12 – Portsmouth, Harbour Hall",
                "July 2 – Lakeside, City Park Stage", "July 20 – Brookfield, Old Mill Theatre", "Aug. 14 – Westport, The Pier");
        String page = "Home\nTalks between the two neighbours resume after a week of delays\nSunday, December 08, 2024\n"
                + String.join("\n", ARTICLE) + "\nThe Delegation's Travel Dates\n" + String.join("\n", dates)
                + "\nContact us\nPrivacy policy\n";
        List<String> paras = clean(page).paragraphs();
        assertTrue(paras.containsAll(ARTICLE) && paras.containsAll(dates), String.join("\n", paras));
    }

    @Test
    void shortSentencesInAScriptWithoutSpacesAreTextNotCaptionsOrLabels() {
        List<String> article = List.of(
                "昨日、市議会は港の使用料を来年から引き上げる案を賛成多数で可決しました。漁業関係者からは反対の声も上がっています。",
                "市長によると、値上げは三年ぶりです。",
                "もちろん、漁協はこの案を認めていません。",
                "組合長は記者会見で、小さな港ほど負担が重くなると述べ、見直しを求める考えを示しました。",
                "倉庫の使用料や駐車場の料金も同じ時期に見直される予定で、市は来月にも説明会を開くとしています。");
        String page = "ホーム\nニュース\n港の使用料、来年から引き上げへ\n2024.12.08\n" + String.join("\n", article.subList(0, 4))
                + "\nまた、その他にも、\n" + article.get(4) + "\n関連記事\nお問い合わせ\n";
        Cleaned c = clean(page);
        assertTrue(c.paragraphs().containsAll(article), String.join("\n", c.paragraphs()));
        assertEquals(List.of(), c.captions());
        // no capitals make no section label: the line leading into the last paragraph stays
        assertTrue(c.blocks().stream().anyMatch(b -> b.text().equals("また、その他にも、")));
    }

    @Test
    void headlinesGluedToTheirTeasersSentenceAreAListOfOtherStories() {
        String teasers = """
                Harbour Board Delays Its Decision On The Winter FeesThe board said on Friday that it needed more time to study the figures from the port authority.
                A New Bridge For The Old Town, Twenty Years LateThe city council finally approved the money on Monday after a short and quiet vote in the chamber.
                Your Weather Today In The Valley for 11/15You can leave your umbrella at home through Sunday, when the next front is expected to arrive.
                Fishing Quota Talks Resume In The Capital (This Morning)Small ports stand to lose most from the new quota, their mayors said in a joint letter.
                """;
        String names = "The ministry's own MacBook and AirPods were left behind in the hall, a spokesman said with a smile.";
        String page = "Home\nLatest News\n" + teasers + "Talks between the two neighbours resume after a week of delays\n"
                + "Sunday, December 08, 2024\n" + String.join("\n", ARTICLE) + "\n" + names + "\nContact us\nPrivacy policy\n";
        List<String> expected = new ArrayList<>(ARTICLE);
        expected.add(names);
        assertEquals(expected, clean(page).paragraphs());
    }

    @Test
    void anArticleMadeOfAListUnderItsHeaderWinsOverTheFootersProse() {
        List<String> plan = List.of(
                "Breakfast: two eggs and toast.",
                "Portion: 1 green, 1 red.",
                "Lunch: rice with black beans.",
                "Portion: 1 green, 1 blue.",
                "Dinner: grilled fish and spinach.",
                "Portion: 2 green, 1 red.");
        String disclaimer = """
                The information provided on this website was originally intended for readers in one country and is not a substitute for the advice of a doctor, who knows your history and your needs better than any article can.
                Results vary depending on starting point, goals and effort, and no statement on this website has been evaluated by any authority, so please consult your physician before you begin any plan of this kind.
                """;
        String page = "Home\nRecipes\nA week of simple meals for a busy household\nNovember 12, 2018\n" + String.join("\n", plan)
                + "\nRelated Articles\nWhy Breakfast Really Does Matter\nTen Soups For The Winter\nFacebook\nInstagram\n"
                + disclaimer + "Contact us\n";
        Cleaned c = clean(page);
        assertEquals("A week of simple meals for a busy household", c.title());
        assertEquals(plan, c.paragraphs());
    }

    @Test
    void aBoxAboutTheAuthorAfterTheArticleIsNotPartOfIt() {
        for (String header : List.of("About Anna Schmidt", "Über Anna Schmidt", "About the author")) {
            String page = "Home\nWorld\nTalks between the two neighbours resume after a week of delays\nNovember 19, 2019\n"
                    + String.join("\n", ARTICLE) + "\n" + header + "\n"
                    + "Anna Schmidt has covered the region's politics and its long border disputes for the paper since 2009, and before that she reported on trade from the capital for a news agency.\n"
                    + "Contact us\nPrivacy policy\n";
            assertEquals(ARTICLE, clean(page).paragraphs(), header);
        }
    }

    @Test
    void aBlurbAboutTheAuthorAfterTheArticleIsNotPartOfIt() {
        for (String box : List.of("Anna Schmidt\nAnna Schmidt is a reporter for the Example Post, covering the region's borders.",
                "Jan Nowak (jan.nowak@example.com) is the editor of the Example Post's foreign desk.",
                "Marie Dupont est journaliste au service étranger du Journal d'Exemple.")) {
            String page = "Home\nWorld\nTalks between the two neighbours resume after a week of delays\nNovember 19, 2019\n"
                    + String.join("\n", ARTICLE) + "\n" + box + "\nContact us\nPrivacy policy\n";
            assertEquals(ARTICLE, clean(page).paragraphs(), box);
        }
    }

    @Test
    void aJournalistTheArticleIsAboutStaysInItsLastParagraph() {
        String about = "Anna Schmidt, a reporter for the Example Post, was among the passengers held at the crossing.";
        String last = "Anna Schmidt is a reporter for the Example Post and was released on Monday evening.";
        String page = "Home\nWorld\nTalks between the two neighbours resume after a week of delays\nNovember 19, 2019\n"
                + String.join("\n", ARTICLE) + "\n" + about + "\n" + last + "\nContact us\nPrivacy policy\n";
        assertTrue(clean(page).paragraphs().contains(last));
    }

    @Test
    void aReporterAskingAQuestionInTheLastParagraphStaysInIt() {
        String last = "Example News reporter Jan Nowak asked the minister on Monday when the seized boats would be returned.";
        String page = "Home\nWorld\nTalks between the two neighbours resume after a week of delays\nNovember 19, 2019\n"
                + String.join("\n", ARTICLE) + "\n" + last + "\nContact us\nPrivacy policy\n";
        assertTrue(clean(page).paragraphs().contains(last));
    }

    @Test
    void aSentenceOpeningWithADateAndATimeStaysInTheArticle() {
        String lede = "Ngày 3/3/2024, lúc 10h30, một vụ cháy lớn đã xảy ra tại chợ Bình Tây, khiến nhiều tiểu thương hoảng loạn.";
        String page = "Home\nWorld\nTalks between the two neighbours resume after a week of delays\nNovember 19, 2019\n"
                + ARTICLE.get(0) + "\n" + lede + "\n" + String.join("\n", ARTICLE.subList(1, ARTICLE.size()))
                + "\nContact us\nPrivacy policy\n";
        assertTrue(clean(page).paragraphs().contains(lede));
    }

    @Test
    void aSourceWhoToldAReporterStaysInTheLastParagraph() {
        for (String last : List.of("Tom Baker told a reporter that the boats would be returned within a week.",
                "Budi Santoso mengatakan kepada wartawan bahwa kapal itu akan dikembalikan pekan depan.")) {
            String page = "Home\nWorld\nTalks between the two neighbours resume after a week of delays\nNovember 19, 2019\n"
                    + String.join("\n", ARTICLE) + "\n" + last + "\nContact us\nPrivacy policy\n";
            assertTrue(clean(page).paragraphs().contains(last), last);
        }
    }

    @Test
    void aSubheadingOpeningWithAnAboutWordInsideTheArticleStaysInIt() {
        String page = "Home\nWorld\nTalks between the two neighbours resume after a week of delays\nNovember 19, 2019\n"
                + ARTICLE.get(0) + "\nAbout The Border Crossings\n" + String.join("\n", ARTICLE.subList(1, 3))
                + "\n" + LAST + "\nContact us\nPrivacy policy\n";
        assertTrue(clean(page).paragraphs().contains(LAST));
    }

    @Test
    void aBoxOfOtherStoriesBetweenTheDateAndTheArticleIsNotPartOfIt() {
        String page = """
                Home
                World
                Talks between the two neighbours resume after a week of delays
                November 19, 2019
                Most Popular
                Harbour board delays its decision on the winter fees
                City council approves the money for a new bridge
                Two fishing boats towed back to port after the storm
                """ + String.join("\n", ARTICLE) + "\nContact us\nPrivacy policy\n";
        Cleaned c = clean(page);
        assertEquals("Talks between the two neighbours resume after a week of delays", c.title());
        assertEquals(ARTICLE, c.paragraphs());
    }

    @Test
    void aTitleCaseSubheadingOpeningWithAnAboutWordNearTheEndStaysInIt() {
        for (String header : List.of("About The Border Crossings", "Over Den Haag")) {
            String page = "Home\nWorld\nTalks between the two neighbours resume after a week of delays\nNovember 19, 2019\n"
                    + String.join("\n", ARTICLE.subList(0, 2)) + "\n" + header + "\n" + ARTICLE.get(2) + "\n" + LAST
                    + "\nContact us\nPrivacy policy\n";
            assertTrue(clean(page).paragraphs().contains(LAST), header);
        }
    }

    @Test
    void anEmailAddressNearTheEndKeepsTheRestOfTheArticle() {
        String tip = "The message came from support@paypa1-secure.com, police said, and asked readers for their bank details.";
        String page = "Home\nWorld\nTalks between the two neighbours resume after a week of delays\nNovember 19, 2019\n"
                + String.join("\n", ARTICLE) + "\n" + tip + "\n" + LAST + "\nContact us\nPrivacy policy\n";
        List<String> p = clean(page).paragraphs();
        assertTrue(p.contains(tip) && p.contains(LAST), p.toString());
    }

    @Test
    void aSubheadingNamingANetworkStaysInTheArticle() {
        String page = "Home\nWorld\nTalks between the two neighbours resume after a week of delays\nNovember 19, 2019\n"
                + String.join("\n", ARTICLE.subList(0, 2)) + "\nFacebook Messenger\n" + ARTICLE.get(2) + "\n" + LAST
                + "\nContact us\nPrivacy policy\n";
        assertTrue(clean(page).blocks().stream().anyMatch(b -> b.text().equals("Facebook Messenger")));
    }

    private static final String LAST = "A spokesman for the ministry said the atmosphere was constructive and that a joint statement was expected.";
}
