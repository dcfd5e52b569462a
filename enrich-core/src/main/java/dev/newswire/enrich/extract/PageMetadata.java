package dev.newswire.enrich.extract;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The metadata a page declares about its article: JSON-LD first (it is written for machines and
 * most often right), then Open Graph, Twitter, Dublin Core, Parse.ly and plain meta tags, then the
 * markup itself ({@code <title>}, {@code <time>}, {@code rel=author}), then the URL.
 *
 * @param title       the headline
 * @param byline      the author line, without "By"
 * @param publishedAt the publication time
 * @param siteName    the site's name
 * @param language    the declared language (primary subtag, lower case)
 */
record PageMetadata(String title, String byline, Instant publishedAt, String siteName, String language) {

    private static final Pattern ARTICLE_TYPE = Pattern.compile(
            "(?i)Article|NewsArticle|Report|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|"
                    + "OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|LiveBlogPosting|"
                    + "ScholarlyArticle|TechArticle|SocialMediaPosting|WebPage|Blog");

    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|\\-–—\\\\/>»·:]\\s+");

    private static final Pattern LEADING_BY = Pattern.compile("^(?i)(by|par|por|von|di|door|oleh)[:\\s]+");

    static PageMetadata read(Document doc, String url) {
        Map<String, String> meta = metaValues(doc);
        Map<String, Object> ld = jsonLdArticle(doc);

        String title = first(
                ld == null ? null : string(ld.get("headline")),
                meta.get("og:title"), meta.get("twitter:title"), meta.get("dc.title"),
                meta.get("dcterm:title"), meta.get("parsely-title"), meta.get("sailthru.title"));
        if (title == null) {
            title = titleFromTitleTag(doc);
        }

        String byline = first(
                ld == null ? null : names(ld.get("author")),
                meta.get("author"), meta.get("article:author"), meta.get("dc.creator"),
                meta.get("dcterm:creator"), meta.get("parsely-author"), meta.get("sailthru.author"));
        if (byline == null) {
            byline = bylineFromMarkup(doc);
        }
        if (byline != null && (byline.startsWith("http") || byline.contains("facebook.com/"))) {
            byline = bylineFromMarkup(doc);
        }
        if (byline != null) {
            byline = LEADING_BY.matcher(byline.replaceAll("\\s+", " ").strip()).replaceFirst("");
            if (byline.isBlank() || byline.length() > 200) {
                byline = null;
            }
        }

        Instant published = null;
        for (String candidate : new String[] {
                ld == null ? null : string(ld.get("datePublished")),
                meta.get("article:published_time"), meta.get("og:published_time"),
                meta.get("datepublished"), meta.get("parsely-pub-date"), meta.get("sailthru.date"),
                meta.get("dc.date"), meta.get("dc.date.issued"), meta.get("dcterm:date"),
                meta.get("pubdate"), meta.get("publishdate"), meta.get("date"),
                ld == null ? null : string(ld.get("dateCreated"))}) {
            published = Dates.parse(candidate);
            if (published != null) {
                break;
            }
        }
        if (published == null) {
            published = Dates.parse(timeElement(doc));
        }
        if (published == null) {
            published = Dates.fromUrl(first(url, meta.get("og:url"), canonicalLink(doc)));
        }

        // Not twitter:site: a handle ("@nytimes") is not the site's name.
        String siteName = first(meta.get("og:site_name"),
                ld == null ? null : names(ld.get("publisher")), meta.get("application-name"));

        String language = first(doc.selectFirst("html") == null ? null : doc.selectFirst("html").attr("lang"),
                meta.get("content-language"), meta.get("og:locale"), meta.get("language"));
        if (language != null) {
            language = language.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
            if (!language.matches("[a-z]{2}")) {
                language = null;
            }
        }
        return new PageMetadata(clean(title), byline, published, clean(siteName), language);
    }

    /** Meta values by lower-cased name, property or itemprop; the first occurrence wins. */
    private static Map<String, String> metaValues(Document doc) {
        Map<String, String> values = new HashMap<>();
        for (Element m : doc.getElementsByTag("meta")) {
            String content = m.hasAttr("content") ? m.attr("content") : m.attr("value");
            if (content.isBlank()) {
                continue;
            }
            for (String attr : new String[] {"name", "property", "itemprop", "http-equiv"}) {
                for (String key : m.attr(attr).toLowerCase(Locale.ROOT).split("\\s+")) {
                    if (!key.isEmpty()) {
                        values.putIfAbsent(key.replace("dcterms.", "dcterm:").replace("dc:", "dc."),
                                content.strip());
                    }
                }
            }
        }
        return values;
    }

    /** The first JSON-LD object whose type is an article (or page), searched through @graph. */
    private static Map<String, Object> jsonLdArticle(Document doc) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            String json = script.data().strip().replaceAll("^<!\\[CDATA\\[|]]>$", "");
            Map<String, Object> found = findArticle(JsonLite.parse(json));
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> findArticle(Object node) {
        if (node instanceof List<?> list) {
            Map<String, Object> pageLevel = null;
            for (Object o : list) {
                Map<String, Object> found = findArticle(o);
                if (found != null && !isWebPage(found)) {
                    return found;
                }
                pageLevel = pageLevel == null ? found : pageLevel;
            }
            return pageLevel;
        }
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> m = (Map<String, Object>) map;
            Object type = m.get("@type");
            String types = type instanceof Collection<?> c ? c.toString() : String.valueOf(type);
            if (ARTICLE_TYPE.matcher(types).find()
                    && (m.containsKey("headline") || m.containsKey("author") || m.containsKey("datePublished"))) {
                return m;
            }
            if (m.get("@graph") != null) {
                return findArticle(m.get("@graph"));
            }
            if (m.get("mainEntity") != null) {
                return findArticle(m.get("mainEntity"));
            }
        }
        return null;
    }

    private static boolean isWebPage(Map<String, Object> m) {
        return String.valueOf(m.get("@type")).contains("WebPage");
    }

    /** A name, or names joined with ", ", from a string, a Person/Organization or a list of them. */
    private static String names(Object node) {
        if (node instanceof String s) {
            return s.isBlank() ? null : s.strip();
        }
        if (node instanceof Map<?, ?> m) {
            return string(m.get("name"));
        }
        if (node instanceof List<?> list) {
            List<String> all = new ArrayList<>();
            for (Object o : list) {
                String n = names(o);
                if (n != null && !all.contains(n)) {
                    all.add(n);
                }
            }
            return all.isEmpty() ? null : String.join(", ", all);
        }
        return null;
    }

    private static String string(Object o) {
        if (o instanceof List<?> list && !list.isEmpty()) {
            o = list.get(0);
        }
        return o instanceof String s && !s.isBlank() ? s.strip() : null;
    }

    /** The document title without the site name that pages append ("Headline | Site"). */
    private static String titleFromTitleTag(Document doc) {
        String title = doc.title().strip();
        if (title.isEmpty()) {
            Element h1 = doc.selectFirst("h1");
            return h1 == null ? null : h1.text();
        }
        String[] parts = TITLE_SEPARATOR.split(title);
        if (parts.length > 1) {
            // The headline is the longest part: site names are short, headlines are not.
            String best = parts[0];
            for (String p : parts) {
                if (p.length() > best.length()) {
                    best = p;
                }
            }
            if (best.split("\\s+").length >= 3 || best.codePointCount(0, best.length()) >= 8) {
                return best;
            }
        }
        return title;
    }

    private static String bylineFromMarkup(Document doc) {
        Element e = doc.selectFirst("[itemprop~=\\bauthor\\b] [itemprop=name], a[rel=author], [rel=author], "
                + "[itemprop~=\\bauthor\\b], .byline, .author, .p-author");
        if (e == null) {
            return null;
        }
        String text = e.text().strip();
        return text.isEmpty() || text.length() > 100 ? null : text;
    }

    private static String timeElement(Document doc) {
        Element t = doc.selectFirst("article time[datetime], time[pubdate], time[itemprop=datePublished], time[datetime]");
        return t == null ? null : t.attr("datetime");
    }

    private static String canonicalLink(Document doc) {
        Element link = doc.selectFirst("link[rel=canonical]");
        return link == null ? null : link.attr("href");
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String c = org.jsoup.parser.Parser.unescapeEntities(s, false).replaceAll("\\s+", " ").strip();
        return c.isEmpty() ? null : c;
    }
}
