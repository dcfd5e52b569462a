package dev.newswire.enrich.extract;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
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
 * @param articleBody the article text that JSON-LD carries, if any (pages rendered by scripts often
 *                    have it while their markup has no text)
 */
record PageMetadata(String title, String byline, Instant publishedAt, String siteName, String language,
                    String articleBody) {

    private static final Pattern ARTICLE_TYPE = Pattern.compile(
            "(?i)Article|NewsArticle|Report|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|"
                    + "OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|LiveBlogPosting|"
                    + "ScholarlyArticle|TechArticle|SocialMediaPosting|WebPage|Blog");

    private static final Pattern LAST_SEPARATOR = Pattern.compile("(.*)\\s[|\\-–—\\\\/>»·]\\s.*");
    private static final Pattern FIRST_SEPARATOR = Pattern.compile("[^|\\-–—\\\\/>»·]*[|\\-–—\\\\/>»·](.*)");
    private static final Pattern HIERARCHICAL_SEPARATOR = Pattern.compile("\\s[\\\\/>»]\\s");

    private static final Pattern BYLINE_CLASS = Pattern.compile("byline|author|dateline|writtenby",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BIO_CLASS = Pattern.compile("bio|avatar|image|photo|img|more|about",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern LEADING_BY = Pattern.compile("^(?i)(by|par|por|von|di|door|oleh)[:\\s]+");

    static PageMetadata read(Document doc, String url) {
        Map<String, String> meta = metaValues(doc);
        Map<String, Object> ld = jsonLdArticle(doc);

        String title = first(
                ld == null ? null : string(ld.get("headline")),
                meta.get("dc.title"), meta.get("dcterm:title"), meta.get("og:title"), meta.get("twitter:title"),
                meta.get("parsely-title"), meta.get("sailthru.title"));
        if (title == null) {
            title = titleFromTitleTag(doc);
        }

        String byline = first(
                ld == null ? null : names(ld.get("author")),
                meta.get("dc.creator"), meta.get("dcterm:creator"), meta.get("author"), meta.get("article:author"),
                meta.get("parsely-author"), meta.get("sailthru.author"));
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
        String articleBody = ld == null ? null : string(ld.get("articleBody"));
        return new PageMetadata(clean(title), byline, published, clean(siteName), language, articleBody);
    }

    /**
     * Meta values by lower-cased property, itemprop or name; the first occurrence wins, and a property
     * (RDFa, Open Graph) wins over a name, as it is the more deliberate of the two.
     */
    private static Map<String, String> metaValues(Document doc) {
        Map<String, String> values = new HashMap<>();
        for (String[] attrs : new String[][] {{"property", "itemprop"}, {"name", "http-equiv"}}) {
            readMeta(doc, attrs, values);
        }
        return values;
    }

    private static void readMeta(Document doc, String[] attrs, Map<String, String> values) {
        for (Element m : doc.getElementsByTag("meta")) {
            String content = m.hasAttr("content") ? m.attr("content") : m.attr("value");
            if (content.isBlank()) {
                continue;
            }
            for (String attr : attrs) {
                for (String key : m.attr(attr).toLowerCase(Locale.ROOT).split("\\s+")) {
                    if (!key.isEmpty()) {
                        values.putIfAbsent(key.replace("dcterms.", "dcterm:").replace("dc:", "dc."),
                                content.strip());
                    }
                }
            }
        }
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

    /**
     * The document title without the site name that pages append ("Headline | Site"): the part before
     * the last separator, else the part after the first one (for "Site - Headline"), else the whole
     * title when a part would be too short to be a headline (Readability's rule).
     */
    private static String titleFromTitleTag(Document doc) {
        String title = doc.title().strip();
        if (title.isEmpty()) {
            Element h1 = doc.selectFirst("h1");
            return h1 == null ? null : h1.text();
        }
        Matcher last = LAST_SEPARATOR.matcher(title);
        if (!last.matches()) {
            return title;
        }
        boolean hierarchical = HIERARCHICAL_SEPARATOR.matcher(title).find();
        String candidate = last.group(1).strip();
        if (words(candidate) < 3) {
            Matcher first = FIRST_SEPARATOR.matcher(title);
            candidate = first.matches() ? first.group(1).strip() : title;
        }
        if (words(candidate) <= 4 && (!hierarchical || words(candidate) != words(title) - 1)) {
            return title;
        }
        return candidate;
    }

    private static int words(String s) {
        String t = s.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    private static String bylineFromMarkup(Document doc) {
        Element e = doc.selectFirst("[itemprop~=\\bauthor\\b] [itemprop=name], a[rel=author], [rel=author], "
                + "[itemprop~=\\bauthor\\b], .byline, .author, .p-author");
        String text = e == null ? "" : e.text().strip();
        if (!text.isEmpty() && text.length() <= 100) {
            return text;
        }
        // Else the first short element whose class or id says byline (as Readability finds bylines).
        for (Element candidate : doc.body() == null ? List.<Element>of() : doc.body().getAllElements()) {
            String match = candidate.className() + " " + candidate.id();
            if (match.length() > 1 && BYLINE_CLASS.matcher(match).find() && !BIO_CLASS.matcher(match).find()) {
                String t = candidate.text().strip();
                if (t.length() >= 3 && t.length() <= 100) {
                    return t;
                }
            }
        }
        return null;
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
