package dev.newswire.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.newswire.enrich.EnrichmentChain;
import dev.newswire.enrich.EnrichmentLimits;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.IngestMethod;
import dev.newswire.model.RawArticle;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Extraction (and language identification after it) of generated pages: markup, JSON-LD, pushed
 * JSON and text dumps built from the pieces hostile pages are made of (deep nesting, long runs of
 * white space, huge words, broken JSON, stray entities and surrogates). Whatever the input, the
 * chain ends within a bound with an article inside the limits, or with a
 * {@link NothingExtractableException}; nothing else is thrown.
 */
class ExtractionFuzzTest {

    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final EnrichmentChain CHAIN = EnrichmentChain.core().build();

    @Property(tries = 200)
    void anyPageEndsWithinABoundInABoundedArticleOrNothingExtractable(@ForAll("pages") String page,
                                                                       @ForAll("contentTypes") String contentType) {
        RawArticle raw = new RawArticle("fuzz", null, null, "fuzz", null, Instant.EPOCH, null,
                contentType.isEmpty() ? null : contentType, page, null, null, null, IngestMethod.PUSH);
        EnrichedArticle article = assertTimeoutPreemptively(BOUND, () -> {
            try {
                return CHAIN.enrich(raw);
            } catch (NothingExtractableException e) {
                return null;
            }
        });
        if (article != null) {
            assertThat(article.body()).isNotBlank().hasSizeLessThanOrEqualTo(EnrichmentLimits.MAX_BODY_CHARS);
            if (article.title() != null) {
                assertThat(article.title()).hasSizeLessThanOrEqualTo(EnrichmentLimits.MAX_TITLE_CHARS);
            }
        }
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of("text/html", "text/plain", "application/json", "");
    }

    @Provide
    Arbitrary<String> pages() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.of("<html>", "<head>", "</head>", "<body>", "<article>",
                        "</article>", "<div class=\"content\">", "</div>", "<p>", "</p>", "<br>", "<h1>", "</h1>",
                        "<title>", "</title>", "<pre>", "</pre>", "<a href=\"/x\">", "</a>", "<table><tr><td>",
                        "<script type=\"application/ld+json\">", "</script>", "<meta name=\"author\" content=\"",
                        "\">", "{\"@type\":\"NewsArticle\",\"articleBody\":\"", "\"headline\":\"", "\"}", "{", "}",
                        "[", "]", ",", ":", "\"", "\\", "&amp;", "&#x1F600;", "&#0;", "&", "<!--", "-->",
                        "<![CDATA[", "]]>", "\n", "\n\n", "\r", "\t", "\u00A0", "\u3000", "\uD83D", "\uDE00", "\u0000",
                        "By Jane Doe", "2025-03-14T08:30:00Z", "。", ". ")),
                net.jqwik.api.Tuple.of(4, Arbitraries.strings().ofMaxLength(300)),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(
                        "The harbour ferry resumed its crossings on Friday morning after four months in dry dock. ",
                        "日本政府は十四日、米国と中国の軍事対話について東京で会議を開いた。",
                        "Die Fähre nahm am Freitag den Betrieb nach vier Monaten in der Werft wieder auf. ")
                        .flatMap(s -> Arbitraries.integers().between(1, 200).map(s::repeat))),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 100_000).map(" "::repeat)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 100_000).map("a"::repeat)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 3_000).map("<div>"::repeat)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 3_000).map("["::repeat)));
        return piece.list().ofMaxSize(40).map(pieces -> String.join("", pieces));
    }
}
