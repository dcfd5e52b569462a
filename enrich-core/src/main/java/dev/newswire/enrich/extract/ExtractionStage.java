package dev.newswire.enrich.extract;

import dev.newswire.enrich.ArticleDraft;
import dev.newswire.enrich.EnrichmentLimits;
import dev.newswire.enrich.EnrichmentStage;
import dev.newswire.model.RawArticle;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;

/**
 * The first stage: the article's title, byline, date, site name and clean body from the raw content,
 * by content type ({@code text/html}, {@code text/plain}, {@code application/json}; sniffed where the
 * type is missing). A date or title the source gave wins over the page's own, since feeds and pushers
 * state them deliberately; the page's declared language is kept as a hint for the language stage.
 *
 * <p>What it passes on is bounded ({@link EnrichmentLimits}): the body without runs of more than
 * {@link EnrichmentLimits#MAX_WORD_CHARS} characters that no language writes, cut to
 * {@link EnrichmentLimits#MAX_BODY_CHARS}; title, byline and site name cut to
 * {@link EnrichmentLimits#MAX_TITLE_CHARS}.
 *
 * @throws NothingExtractableException (from {@link #apply}) when there is no body text at all, not
 *         even a feed summary: a permanent failure
 */
public final class ExtractionStage implements EnrichmentStage {

    private static final int SHORT_TEXT_CHARS = 1500;

    private final HtmlExtractor html = new HtmlExtractor();
    private final TextDumpExtractor text = new TextDumpExtractor();

    @Override
    public ArticleDraft apply(ArticleDraft draft) {
        RawArticle raw = draft.raw();
        Extraction e;
        try {
            e = extract(raw);
        } catch (NothingExtractableException tooDeep) {
            throw new NothingExtractableException(tooDeep.getMessage() + " in " + describe(raw));
        } catch (StackOverflowError tooDeep) {
            // Content scoring walks the tree recursively; the depth is checked before, this is the last resort.
            throw new NothingExtractableException("markup nested too deep to extract in " + describe(raw));
        }
        String title = raw.feedTitle() != null && !raw.feedTitle().isBlank() ? raw.feedTitle().strip() : e.title();
        Instant published = raw.publishedAt() != null ? raw.publishedAt() : e.publishedAt();
        String body = LongWords.drop(e.body());
        if (body.isBlank() && raw.feedSummary() != null) {
            body = LongWords.drop(Jsoup.parse(raw.feedSummary()).text().strip());
        }
        if (body.isBlank() && isShortPlainText(raw)) {
            // A brief pushed as clean text (a few short sentences) has no line long enough to look like
            // prose in a page dump: the whole text is the article, not boilerplate around one.
            body = LongWords.drop(String.join("\n\n", TextDumpExtractor.paragraphsOf(raw.content())));
        }
        if (body.isBlank()) {
            throw new NothingExtractableException("no article text in " + describe(raw));
        }
        body = EnrichmentLimits.cut(body, EnrichmentLimits.MAX_BODY_CHARS);
        int maxTitle = EnrichmentLimits.MAX_TITLE_CHARS;
        ArticleDraft next = draft.withText(EnrichmentLimits.cut(title, maxTitle),
                EnrichmentLimits.cut(e.byline(), maxTitle), e.authors(), published,
                EnrichmentLimits.cut(e.siteName(), maxTitle), body);
        return e.language() != null && draft.language() == null ? next.withLanguage(e.language()) : next;
    }

    /** Plain text short enough to be an article in itself (dumps of whole pages run to many kilobytes). */
    private static boolean isShortPlainText(RawArticle raw) {
        return raw.content() != null && !raw.content().isBlank() && raw.content().length() <= SHORT_TEXT_CHARS
                && "text".equals(kind(raw.contentType(), raw.content()));
    }

    /** Extraction by content type alone, for callers that have no event (the offline CLI uses the chain). */
    public Extraction extract(RawArticle raw) {
        String content = raw.content() == null ? "" : raw.content();
        return switch (kind(raw.contentType(), content)) {
            case "html" -> html.extract(content, raw.url());
            case "json" -> fromJson(content, raw);
            default -> text.extract(content);
        };
    }

    private static String kind(String contentType, String content) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.contains("html") || type.contains("xml")) {
            return "html";
        }
        if (type.contains("json")) {
            return "json";
        }
        if (type.startsWith("text/")) {
            return "text";
        }
        String head = content.stripLeading();
        head = head.substring(0, Math.min(head.length(), 1000)).toLowerCase(Locale.ROOT);
        if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.contains("<body")
                || head.contains("<p>") || head.contains("<div")) {
            return "html";
        }
        return head.startsWith("{") ? "json" : "text";
    }

    /** A pushed JSON article: its text field is treated as a plain-text dump, or as HTML where it is markup. */
    private Extraction fromJson(String content, RawArticle raw) {
        if (!(JsonLite.parse(content) instanceof Map<?, ?> map)) {
            return text.extract(content);
        }
        String bodyText = firstString(map, "articleBody", "body", "text", "content", "html");
        if (bodyText == null) {
            return new Extraction(firstString(map, "title", "headline"), null, List.of(), null, null, null, List.of());
        }
        Extraction inner = "html".equals(kind(null, bodyText)) ? html.extract(bodyText, raw.url())
                : new Extraction(null, null, List.of(), null, null, null, TextDumpExtractor.paragraphsOf(bodyText));
        String title = firstString(map, "title", "headline");
        String byline = firstString(map, "byline", "author");
        Instant published = Dates.parse(firstString(map, "publishedAt", "datePublished", "date"));
        return new Extraction(title != null ? title : inner.title(), byline != null ? byline : inner.byline(),
                byline != null ? HtmlExtractor.authors(byline) : inner.authors(),
                published != null ? published : inner.publishedAt(), inner.siteName(),
                firstString(map, "language", "lang"), inner.paragraphs());
    }

    private static String firstString(Map<?, ?> map, String... keys) {
        for (String k : keys) {
            if (map.get(k) instanceof String s && !s.isBlank()) {
                return s.strip();
            }
        }
        return null;
    }

    private static String describe(RawArticle raw) {
        return "article " + raw.id() + " (" + raw.contentType() + ", " + (raw.content() == null ? 0 : raw.content().length())
                + " chars)";
    }
}
