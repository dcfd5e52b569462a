package dev.newswire.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlExtractorTest {

    private final HtmlExtractor extractor = new HtmlExtractor();

    @Test
    void scriptRenderedPageFallsBackToTheJsonLdArticleBody() {
        String html = """
                <html><head><title>Ferry returns | Courier</title>
                <script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferry returns",
                 "articleBody":"The harbour ferry resumed its crossings on Friday after four months in dry dock, where engineers replaced both engines and rebuilt the passenger deck.\\nCommuters welcomed the return, saying the crossing cuts their journey to the city centre by almost half an hour each way, and the operator promised an evening crossing in summer, once the new timetable is agreed with the council."}
                </script></head><body><div id="app"><a href="/">Home</a> <a href="/news">News</a></div>
                <script>render()</script></body></html>""";
        Extraction e = extractor.extract(html, "https://courier.example/ferry");
        assertThat(e.title()).isEqualTo("Ferry returns");
        assertThat(e.paragraphs()).hasSize(2);
        assertThat(e.paragraphs().get(0)).startsWith("The harbour ferry resumed");
        assertThat(e.body()).doesNotContain("Home");
    }

    @Test
    void labelsCreditsAndCrossReferencesAreNotArticleText() {
        String html = """
                <html><body><article>
                <p>The harbour ferry resumed its crossings on Friday morning after four months in dry dock, where
                engineers replaced both engines and rebuilt the passenger deck, the operator said.</p>
                <p>Advertisement</p>
                <p>(Photo: Harbour Authority)</p>
                <p>Related: Winter storms close the harbour for a week</p>
                <p>Commuters who had relied on a replacement bus service during the winter welcomed the return,
                saying the crossing cuts their journey to the city centre by almost half an hour each way.</p>
                <p><a href="/a">Ferry timetable changes</a></p>
                <p><a href="/b">New bus lanes open</a></p>
                </article></body></html>""";
        Extraction e = extractor.extract(html, null);
        assertThat(e.paragraphs()).hasSize(2);
        assertThat(e.body()).doesNotContain("Advertisement", "Photo", "Related", "timetable", "bus lanes");
    }

    private static final String FIRST = "The harbour ferry resumed its crossings on Friday morning after four months in dry dock, "
            + "where engineers replaced both engines and rebuilt the passenger deck, the operator said.";
    private static final String SECOND = "Commuters who had relied on a replacement bus service during the winter welcomed the "
            + "return, saying the crossing cuts their journey to the city centre by almost half an hour each way.";

    @Test
    void captionsBylinesRelatedShareAndCommentBoxesInsideTheArticleAreDroppedByTheirMarkup() {
        String html = "<html><body><article class=\"post\"><div class=\"entry-meta\">By Ann Lee, 3 May 2021</div>"
                + "<figure><img src=\"f.jpg\"><figcaption>The ferry in dry dock last winter</figcaption></figure>"
                + "<p>" + FIRST + "</p>"
                + "<div class=\"wp-caption-text\">Engineers at work (Harbour Authority)</div>"
                + "<div class=\"related-articles\"><h3>Winter storms close the harbour</h3></div>"
                + "<p>" + SECOND + "</p>"
                + "<div class=\"ShareBar\">Share on the networks</div>"
                + "<section id=\"comments\"><p>No comments yet</p></section>"
                + "<form><label>Rate this article</label></form>"
                + "</article></body></html>";
        Extraction e = extractor.extract(html, null);
        assertThat(e.paragraphs()).containsExactly(FIRST, SECOND);
    }

    @Test
    void aContainerNamedLikeFurnitureThatHoldsTheTextIsKept() {
        String html = "<html><body><article><div class=\"comment-body\"><p>" + FIRST + "</p><p>" + SECOND
                + "</p></div><p>A short closing note from the operator.</p></article></body></html>";
        Extraction e = extractor.extract(html, null);
        assertThat(e.paragraphs()).contains(FIRST, SECOND);
    }

    @Test
    void anIdThatIsAHeadingsSlugSaysNothingAboutTheBlock() {
        String html = "<html><body><article><p>" + FIRST + "</p><div id=\"sharing-with-a-single-developer\"><p>"
                + SECOND + "</p></div><p>" + FIRST.replace("Friday", "Monday") + "</p></article></body></html>";
        assertThat(extractor.extract(html, null).paragraphs()).contains(SECOND);
    }

    @Test
    void dateLinesPostMetadataFigureLabelsPromptsAndRelatedHeadingsWithTheirLinksAreNotArticleText() {
        String html = "<html><body><article>"
                + "<p>Aktualisiert: 03.04.2020, 15:37 Uhr</p>"
                + "<p>" + FIRST + "</p>"
                + "<p>7. Oktober 2020</p>"
                + "<p>" + SECOND + "</p>"
                + "<p>This entry was posted in Harbour news.</p>"
                + "<p>Abbildung 4: Die Fähre im Trockendock</p>"
                + "<p>Follow The Courier on Twitter for more harbour news.</p>"
                + "<h3>Das könnte Sie auch interessieren</h3>"
                + "<p><a href=\"/a\">Ferry timetable changes</a></p><p><a href=\"/b\">New bus lanes open</a></p>"
                + "<p>Auch lesen: Winter storms close the harbour</p>"
                + "<p>" + FIRST.replace("Friday", "Sunday") + "</p>"
                + "</article></body></html>";
        Extraction e = extractor.extract(html, null);
        assertThat(e.paragraphs()).containsExactly(FIRST, SECOND, FIRST.replace("Friday", "Sunday"));
    }

    @Test
    void aLineThatMentionsADateInASentenceIsText() {
        assertThat(Boilerplate.isDate("7. Oktober 2020")).isTrue();
        assertThat(Boilerplate.isDate("3:59 PM")).isTrue();
        assertThat(Boilerplate.isDate("Published on Tuesday 15 October 2019 at 09:11")).isTrue();
        assertThat(Boilerplate.isDate("The ferry returns on 7 October 2020.")).isFalse();
        assertThat(Boilerplate.isDate("4.2.3 2014")).isFalse();
        assertThat(Boilerplate.isDate("12 34 56")).isFalse();
    }
}
