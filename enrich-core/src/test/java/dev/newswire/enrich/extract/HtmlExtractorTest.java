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
}
