package dev.newswire.enrich.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;

/**
 * Finds the element that holds the article in a page: the content-scoring algorithm of Mozilla's
 * Readability (paragraphs vote for their ancestors by length and commas, weighted by class names and
 * discounted by link density; the best candidate gathers its siblings; the result is cleaned of
 * forms, share bars, link lists and other conditional boilerplate), retried with looser rules when
 * the strict pass finds too little. It mutates the document it is given.
 */
final class ContentLocator {

    /** The attribute that carries the class names and id of divs replaced by their only paragraph. */
    static final String REPLACED_NAMES = "data-newswire-names";

    private static final int FLAG_STRIP_UNLIKELY = 1;
    private static final int FLAG_WEIGHT_CLASSES = 2;
    private static final int FLAG_CLEAN_CONDITIONALLY = 4;

    /** Below this many characters an attempt is retried with looser rules. */
    private static final int CHAR_THRESHOLD = 500;
    private static final int TOP_CANDIDATES = 5;

    private static final Pattern UNLIKELY = Pattern.compile(
            "-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|"
                    + "legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|"
                    + "supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|cookie|consent|newsletter|"
                    + "subscribe|paywall|recommend|ranking|outbrain|taboola",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OK_MAYBE = Pattern.compile(
            "and|article|body|column|content|main|mathjax|shadow", Pattern.CASE_INSENSITIVE);
    private static final Pattern POSITIVE = Pattern.compile(
            "article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATIVE = Pattern.compile(
            "-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|"
                    + "meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|"
                    + "tags|widget|taboola|recommend|newsletter|cookie|consent",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BYLINE = Pattern.compile("byline|author|dateline|writtenby|p-author",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SHARE = Pattern.compile("(\\b|_)(share|sharedaddy)(\\b|_)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern VIDEOS = Pattern.compile(
            "//(www\\.)?((dailymotion|youtube|youtube-nocookie|player\\.vimeo|v\\.qq)\\.com|"
                    + "(archive|upload\\.wikimedia)\\.org|player\\.twitch\\.tv)", Pattern.CASE_INSENSITIVE);
    private static final Pattern AD_WORDS = Pattern.compile(
            "^(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?|广告|Реклама|Anuncio|広告|광고)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern LOADING_WORDS = Pattern.compile(
            "^((loading|正在加载|Загрузка|chargement|cargando)(…|\\.\\.\\.)?)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SENTENCE_END = Pattern.compile("[.。!?！？]( |$)");
    private static final Pattern DISPLAY_NONE = Pattern.compile("display\\s*:\\s*none|visibility\\s*:\\s*hidden",
            Pattern.CASE_INSENSITIVE);

    private static final String NON_WORD = "[^\\p{L}\\p{N}_]+";

    private static final Set<String> UNLIKELY_ROLES = Set.of(
            "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog");
    private static final Set<String> TAGS_TO_SCORE = Set.of(
            "section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre");
    private static final Set<String> DIV_TO_P = Set.of(
            "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul");
    private static final Set<String> ALTER_TO_DIV_EXCEPTIONS = Set.of("div", "article", "section", "p");
    private static final Set<String> PHRASING = Set.of(
            "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em", "embed",
            "i", "img", "input", "kbd", "label", "mark", "math", "meter", "noscript", "object", "output",
            "progress", "q", "ruby", "samp", "script", "select", "small", "span", "strong", "sub", "sup",
            "textarea", "time", "var", "wbr", "font", "u", "s", "strike", "tt", "big", "rt", "rp");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> TEXTISH = Set.of(
            "span", "li", "td", "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul");

    private final Map<Element, Double> scores = new IdentityHashMap<>();
    private final Map<Element, Boolean> dataTables = new IdentityHashMap<>();
    private final String title;
    private final List<String> titleTokens;
    private int flags;
    /** The flags whose rules changed something in this attempt: a retry without the others is this attempt again. */
    private int used;

    private ContentLocator(String title, int flags) {
        this.title = title;
        this.titleTokens = title == null ? List.of() : List.of(title.toLowerCase(Locale.ROOT).split(NON_WORD));
        this.flags = flags;
    }

    /**
     * The article element of the page, detached from it, or null where the page has no text.
     *
     * @param parsed  the parsed page; it is changed
     * @param reparse parses the page afresh, for a retry
     * @param title the headline as the metadata gave it, used to drop a heading that repeats it
     */
    static Element locate(Document parsed, Supplier<Document> reparse, String title) {
        int flags = FLAG_STRIP_UNLIKELY | FLAG_WEIGHT_CLASSES | FLAG_CLEAN_CONDITIONALLY;
        Element best = null;
        int bestLength = -1;
        int used = flags;
        // Each attempt mutates its document, so every retry starts from a copy of the page as
        // parsed afresh and stripped of scripts and styles (the same for every attempt).
        Document pristine = null;
        for (int flag : new int[] {0, FLAG_STRIP_UNLIKELY, FLAG_WEIGHT_CLASSES, FLAG_CLEAN_CONDITIONALLY}) {
            flags &= ~flag;
            if (flag != 0 && (used & flag) == 0) {
                // The rule this retry drops changed nothing in the last attempt: without it, the
                // attempt would take the same steps and find the same article again.
                continue;
            }
            Document doc;
            if (flag == 0) {
                doc = parsed;
                prepareDocument(doc);
            } else {
                if (pristine == null) {
                    pristine = reparse.get();
                    prepareDocument(pristine);
                }
                doc = flag == FLAG_CLEAN_CONDITIONALLY ? pristine : pristine.clone();
            }
            ContentLocator locator = new ContentLocator(title, flags);
            Element article = locator.grab(doc);
            used = locator.used;
            int length = article == null ? 0 : article.text().length();
            if (length >= CHAR_THRESHOLD) {
                return article;
            }
            if (length > bestLength) {
                best = article;
                bestLength = length;
            }
        }
        return bestLength > 0 ? best : null;
    }

    private boolean flag(int f) {
        return (flags & f) != 0;
    }

    /** The page must have been through {@link #prepareDocument}. */
    private Element grab(Document doc) {
        Element body = doc.body();
        if (body == null) {
            return null;
        }
        List<Element> toScore = collectAndSimplify(body);
        List<Element> candidates = score(toScore);
        Element top = pickTopCandidate(candidates, body, doc);
        Element article = gatherSiblings(top, doc);
        prepareArticle(article);
        return article;
    }

    private static void prepareDocument(Document doc) {
        if (doc.body() == null) {
            return;
        }
        doc.select("script, style, noscript, template, svg, canvas, iframe, link, meta, object, embed, "
                + "button, select, input, textarea, dialog").remove();
        for (Element font : doc.getElementsByTag("font")) {
            font.tagName("span");
        }
        replaceBrs(doc.body());
    }

    /** Two or more {@code <br>} in a row separate paragraphs: make those runs real {@code <p>}. */
    private static void replaceBrs(Element body) {
        for (Element br : new ArrayList<>(body.getElementsByTag("br"))) {
            if (br.parent() == null) {
                continue;
            }
            boolean replaced = false;
            Node next = nextNonWhitespace(br.nextSibling());
            while (next instanceof Element e && e.normalName().equals("br")) {
                replaced = true;
                Node after = nextNonWhitespace(e.nextSibling());
                e.remove();
                next = after;
            }
            if (!replaced) {
                continue;
            }
            Element p = new Element("p");
            br.replaceWith(p);
            Node n = p.nextSibling();
            while (n != null) {
                if (n instanceof Element e && e.normalName().equals("br")) {
                    Node nextElem = nextNonWhitespace(e.nextSibling());
                    if (nextElem instanceof Element ne && ne.normalName().equals("br")) {
                        break;
                    }
                }
                if (!isPhrasing(n)) {
                    break;
                }
                Node sibling = n.nextSibling();
                p.appendChild(n);
                n = sibling;
            }
            while (p.childNodeSize() > 0 && isWhitespace(p.childNode(p.childNodeSize() - 1))) {
                p.childNode(p.childNodeSize() - 1).remove();
            }
            if (p.parent() != null && p.parent().normalName().equals("p")) {
                p.parent().tagName("div");
            }
        }
    }

    private static Node nextNonWhitespace(Node n) {
        while (n != null && !(n instanceof Element) && n instanceof TextNode t && t.isBlank()) {
            n = n.nextSibling();
        }
        return n;
    }

    /** Walks the body once: drops hidden and unlikely nodes, turns text-only divs into paragraphs. */
    private List<Element> collectAndSimplify(Element body) {
        List<Element> toScore = new ArrayList<>();
        boolean bylineFound = false;
        boolean titleHeadingRemoved = false;
        Element node = body;
        while (node != null) {
            String tag = node.normalName();
            String match = node.className() + " " + node.id();
            if (!isProbablyVisible(node)) {
                node = removeAndGetNext(node);
                continue;
            }
            if ("true".equals(node.attr("aria-modal")) && "dialog".equals(node.attr("role"))) {
                node = removeAndGetNext(node);
                continue;
            }
            if (!bylineFound && isByline(node, match)) {
                bylineFound = true;
                node = removeAndGetNext(node);
                continue;
            }
            if (!titleHeadingRemoved && (tag.equals("h1") || tag.equals("h2")) && duplicatesTitle(node)) {
                titleHeadingRemoved = true;
                node = removeAndGetNext(node);
                continue;
            }
            if (flag(FLAG_STRIP_UNLIKELY) && node != body) {
                if (UNLIKELY.matcher(match).find() && !OK_MAYBE.matcher(match).find()
                        && !hasAncestor(node, "table") && !hasAncestor(node, "code")
                        && !tag.equals("a") && !tag.equals("article") && !tag.equals("main")) {
                    used |= FLAG_STRIP_UNLIKELY;
                    node = removeAndGetNext(node);
                    continue;
                }
                if (UNLIKELY_ROLES.contains(node.attr("role"))) {
                    used |= FLAG_STRIP_UNLIKELY;
                    node = removeAndGetNext(node);
                    continue;
                }
            }
            if ((tag.equals("div") || tag.equals("section") || tag.equals("header") || HEADINGS.contains(tag))
                    && isWithoutContent(node)) {
                node = removeAndGetNext(node);
                continue;
            }
            if (TAGS_TO_SCORE.contains(tag)) {
                toScore.add(node);
            }
            if (tag.equals("div")) {
                wrapPhrasingRuns(node);
                if (node.childNodeSize() > 0 && hasSingleChild(node, "p") && linkDensity(node) < 0.25) {
                    Element child = node.child(0);
                    keepNames(node, child);
                    node.replaceWith(child);
                    node = child;
                    toScore.add(node);
                } else if (!hasChildBlock(node)) {
                    node.tagName("p");
                    toScore.add(node);
                }
            }
            node = nextNode(node, false);
        }
        return toScore;
    }

    /**
     * A div that gives way to its only paragraph hands its class names and id down in
     * {@link #REPLACED_NAMES}, for {@link Furniture}: the scoring does not read them there, as
     * Readability does not, but a div named "byline" or "caption" says what its paragraph is.
     */
    private static void keepNames(Element div, Element child) {
        String names = (div.attr(REPLACED_NAMES) + " " + div.className() + " " + div.id()).strip();
        if (!names.isEmpty()) {
            child.attr(REPLACED_NAMES, (child.attr(REPLACED_NAMES) + " " + names).strip());
        }
    }

    private void wrapPhrasingRuns(Element div) {
        Element p = null;
        Node child = div.childNodeSize() > 0 ? div.childNode(0) : null;
        while (child != null) {
            Node next = child.nextSibling();
            if (isPhrasing(child)) {
                if (p != null) {
                    p.appendChild(child);
                } else if (!isWhitespace(child)) {
                    p = new Element("p");
                    child.replaceWith(p);
                    p.appendChild(child);
                }
            } else if (p != null) {
                while (p.childNodeSize() > 0 && isWhitespace(p.childNode(p.childNodeSize() - 1))) {
                    p.childNode(p.childNodeSize() - 1).remove();
                }
                p = null;
            }
            child = next;
        }
    }

    private List<Element> score(List<Element> toScore) {
        List<Element> candidates = new ArrayList<>();
        for (Element e : toScore) {
            if (e.parent() == null) {
                continue;
            }
            TextStats text = TextStats.of(e);
            if (text.length() < 25) {
                continue;
            }
            List<Element> ancestors = ancestors(e, 5);
            if (ancestors.isEmpty()) {
                continue;
            }
            // One point, one per comma-separated part, one per 100 characters up to three.
            double contentScore = 1 + (text.commas() + 1) + Math.min(Math.floor(text.length() / 100.0), 3);
            for (int level = 0; level < ancestors.size(); level++) {
                Element ancestor = ancestors.get(level);
                if (ancestor.parent() == null) {
                    break;
                }
                if (!scores.containsKey(ancestor)) {
                    initialize(ancestor);
                    candidates.add(ancestor);
                }
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores.merge(ancestor, contentScore / divider, Double::sum);
            }
        }
        return candidates;
    }

    private Element pickTopCandidate(List<Element> candidates, Element body, Document doc) {
        List<Element> top = new ArrayList<>();
        Map<Element, TextStats> stats = TextStats.ofAll(body.ownerDocument() != null ? body.ownerDocument() : body,
                candidates);
        for (Element c : candidates) {
            TextStats st = stats.get(c);
            double linkDensity = st == null || st.length() == 0 ? 0 : st.linkLength() / st.length();
            double s = scores.get(c) * (1 - linkDensity);
            scores.put(c, s);
            int i = 0;
            while (i < top.size() && scores.get(top.get(i)) >= s) {
                i++;
            }
            if (i < TOP_CANDIDATES) {
                top.add(i, c);
                if (top.size() > TOP_CANDIDATES) {
                    top.remove(top.size() - 1);
                }
            }
        }
        Element topCandidate = top.isEmpty() ? null : top.get(0);
        if (topCandidate == null || topCandidate.normalName().equals("body")) {
            Element div = doc.createElement("div");
            for (Node n : new ArrayList<>(body.childNodes())) {
                div.appendChild(n);
            }
            body.appendChild(div);
            initialize(div);
            return div;
        }
        // Several strong candidates under one ancestor: the article is that ancestor.
        List<List<Element>> alternatives = new ArrayList<>();
        for (int i = 1; i < top.size(); i++) {
            if (scores.get(top.get(i)) / scores.get(topCandidate) >= 0.75) {
                alternatives.add(ancestors(top.get(i), 0));
            }
        }
        if (alternatives.size() >= 3) {
            Element parent = topCandidate.parent();
            while (parent != null && !parent.normalName().equals("body")) {
                int containing = 0;
                for (List<Element> a : alternatives) {
                    if (a.contains(parent)) {
                        containing++;
                    }
                }
                if (containing >= 3) {
                    topCandidate = parent;
                    break;
                }
                parent = parent.parent();
            }
        }
        if (!scores.containsKey(topCandidate)) {
            initialize(topCandidate);
        }
        Element parent = topCandidate.parent();
        double lastScore = scores.get(topCandidate);
        double threshold = lastScore / 3;
        while (parent != null && !parent.normalName().equals("body")) {
            if (!scores.containsKey(parent)) {
                parent = parent.parent();
                continue;
            }
            double parentScore = scores.get(parent);
            if (parentScore < threshold) {
                break;
            }
            if (parentScore > lastScore) {
                topCandidate = parent;
                break;
            }
            lastScore = parentScore;
            parent = parent.parent();
        }
        parent = topCandidate.parent();
        while (parent != null && !parent.normalName().equals("body") && parent.childrenSize() == 1) {
            topCandidate = parent;
            parent = topCandidate.parent();
        }
        if (!scores.containsKey(topCandidate)) {
            initialize(topCandidate);
        }
        return topCandidate;
    }

    private Element gatherSiblings(Element topCandidate, Document doc) {
        Element article = doc.createElement("div");
        double topScore = scores.get(topCandidate);
        double threshold = Math.max(10, topScore * 0.2);
        Element parent = topCandidate.parent();
        List<Element> siblings = parent == null ? List.of(topCandidate) : new ArrayList<>(parent.children());
        for (Element sibling : siblings) {
            boolean append = sibling == topCandidate;
            if (!append) {
                double bonus = 0;
                if (!topCandidate.className().isEmpty() && sibling.className().equals(topCandidate.className())) {
                    bonus += topScore * 0.2;
                }
                if (scores.containsKey(sibling) && scores.get(sibling) + bonus >= threshold) {
                    append = true;
                } else if (sibling.normalName().equals("p")) {
                    double ld = linkDensity(sibling);
                    String content = innerText(sibling);
                    int len = content.length();
                    if (len > 80 && ld < 0.25) {
                        append = true;
                    } else if (len < 80 && len > 0 && ld == 0 && SENTENCE_END.matcher(content).find()) {
                        append = true;
                    }
                }
            }
            if (append) {
                if (!ALTER_TO_DIV_EXCEPTIONS.contains(sibling.normalName())) {
                    sibling.tagName("div");
                }
                article.appendChild(sibling);
            }
        }
        return article;
    }

    private void prepareArticle(Element article) {
        markDataTables(article);
        cleanConditionally(article, "form");
        cleanConditionally(article, "fieldset");
        article.select("footer, aside, nav").remove();
        for (Element child : new ArrayList<>(article.children())) {
            for (Element e : new ArrayList<>(child.getAllElements())) {
                if (e.parent() != null && SHARE.matcher(e.className() + " " + e.id()).find()
                        && e.text().length() < CHAR_THRESHOLD) {
                    e.remove();
                }
            }
        }
        for (Element h : new ArrayList<>(article.select("h1, h2"))) {
            if (classWeight(h) < 0) {
                h.remove();
            }
        }
        cleanConditionally(article, "table");
        cleanConditionally(article, "ul");
        cleanConditionally(article, "div");
        for (Element h1 : article.getElementsByTag("h1")) {
            h1.tagName("h2");
        }
        for (Element p : new ArrayList<>(article.getElementsByTag("p"))) {
            if (p.getElementsByTag("img").isEmpty() && p.text().isBlank()) {
                p.remove();
            }
        }
    }

    private void cleanConditionally(Element root, String tag) {
        if (!flag(FLAG_CLEAN_CONDITIONALLY)) {
            return;
        }
        Elements nodes = root.getElementsByTag(tag);
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Element node = nodes.get(i);
            if (node.parent() != null && shouldRemove(node, tag)) {
                used |= FLAG_CLEAN_CONDITIONALLY;
                node.remove();
            }
        }
    }

    private boolean shouldRemove(Element node, String tag) {
        boolean isList = tag.equals("ul") || tag.equals("ol");
        TextStats stats = TextStats.of(node);
        int textLength = stats.length();
        int p = 0;
        int img = 0;
        int liCount = 0;
        int input = 0;
        int listLength = 0;
        for (Element d : node.getAllElements()) {
            switch (d.normalName()) {
                case "p" -> p++;
                case "img" -> img++;
                case "li" -> liCount++;
                case "input" -> input++;
                case "ul", "ol" -> {
                    if (d != node && !isList) {
                        listLength += TextStats.of(d).length();
                    }
                }
                default -> {
                }
            }
        }
        if (!isList) {
            isList = textLength > 0 && listLength / (double) textLength > 0.9;
        }
        if (tag.equals("table") && Boolean.TRUE.equals(dataTables.get(node))) {
            return false;
        }
        for (Element a = node.parent(); a != null; a = a.parent()) {
            if ((a.normalName().equals("table") && Boolean.TRUE.equals(dataTables.get(a)))
                    || a.normalName().equals("code")) {
                return false;
            }
        }
        for (Element t : node.getElementsByTag("table")) {
            if (Boolean.TRUE.equals(dataTables.get(t))) {
                return false;
            }
        }
        int weight = classWeight(node);
        if (weight < 0) {
            return true;
        }
        if (stats.commas() >= 10) {
            return false;
        }
        int li = liCount - 100;
        double headingDensity = textDensity(node, HEADINGS, textLength);
        if (textLength < 30) {
            String text = innerText(node);
            if (AD_WORDS.matcher(text).matches() || LOADING_WORDS.matcher(text).matches()) {
                return true;
            }
        }
        int contentLength = textLength;
        double linkDensity = stats.length() == 0 ? 0 : stats.linkLength() / stats.length();
        double textDensity = textDensity(node, TEXTISH, contentLength);
        boolean figureChild = hasAncestor(node, "figure");
        boolean remove = (!figureChild && img > 1 && p / (double) img < 0.5)
                || (!isList && li > p)
                || (input > Math.floor(p / 3.0))
                || (!isList && !figureChild && headingDensity < 0.9 && contentLength < 25
                        && (img == 0 || img > 2) && linkDensity > 0)
                || (!isList && weight < 25 && linkDensity > 0.2)
                || (weight >= 25 && linkDensity > 0.5)
                || (img == 0 && textDensity == 0);
        if (isList && remove) {
            for (Element child : node.children()) {
                if (child.childrenSize() > 1) {
                    return true;
                }
            }
            if (img == liCount) {
                return false;
            }
        }
        return remove;
    }

    private static double textDensity(Element node, Set<String> tags, int textLength) {
        return textLength == 0 ? 0 : TextStats.taggedLength(node, tags) / (double) textLength;
    }

    private void markDataTables(Element root) {
        for (Element table : root.getElementsByTag("table")) {
            dataTables.put(table, isDataTable(table));
        }
    }

    private static boolean isDataTable(Element table) {
        if (table.attr("role").equals("presentation") || table.attr("datatable").equals("0")) {
            return false;
        }
        if (!table.attr("summary").isEmpty()) {
            return true;
        }
        Element caption = table.selectFirst("caption");
        if (caption != null && caption.childNodeSize() > 0) {
            return true;
        }
        if (!table.select("col, colgroup, tfoot, thead, th").isEmpty()) {
            return true;
        }
        if (table.getElementsByTag("table").size() > 1) {
            return false;
        }
        Elements rows = table.getElementsByTag("tr");
        int columns = 0;
        for (Element row : rows) {
            int cells = 0;
            for (Element cell : row.children()) {
                String span = cell.attr("colspan");
                cells += span.matches("\\d+") ? Integer.parseInt(span) : 1;
            }
            columns = Math.max(columns, cells);
        }
        if (rows.size() == 1 || columns == 1) {
            return false;
        }
        if (rows.size() >= 10 || columns > 4) {
            return true;
        }
        return rows.size() * columns > 10;
    }

    private void initialize(Element e) {
        double s = switch (e.normalName()) {
            case "div" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        scores.put(e, s + classWeight(e));
    }

    private int classWeight(Element e) {
        if (!flag(FLAG_WEIGHT_CLASSES)) {
            return 0;
        }
        int weight = 0;
        String cls = e.className();
        if (!cls.isEmpty()) {
            if (NEGATIVE.matcher(cls).find()) {
                weight -= 25;
            }
            if (POSITIVE.matcher(cls).find()) {
                weight += 25;
            }
        }
        String id = e.id();
        if (!id.isEmpty()) {
            if (NEGATIVE.matcher(id).find()) {
                weight -= 25;
            }
            if (POSITIVE.matcher(id).find()) {
                weight += 25;
            }
        }
        if (weight != 0) {
            used |= FLAG_WEIGHT_CLASSES;
        }
        return weight;
    }

    static double linkDensity(Element e) {
        TextStats stats = TextStats.of(e);
        return stats.length() == 0 ? 0 : stats.linkLength() / stats.length();
    }

    private boolean isByline(Element node, String match) {
        if (!(node.attr("rel").equals("author") || node.attr("itemprop").contains("author")
                || BYLINE.matcher(match).find())) {
            return false;
        }
        String text = node.text();
        return !text.isBlank() && text.length() < 100;
    }

    private boolean duplicatesTitle(Element heading) {
        if (title == null) {
            return false;
        }
        return similarity(titleTokens, innerText(heading)) > 0.75;
    }

    /** Share of b's tokens that a also has, by length (Readability's textSimilarity). */
    private static double similarity(List<String> tokensA, String b) {
        List<String> tokensB = new ArrayList<>();
        for (String t : b.toLowerCase(Locale.ROOT).split(NON_WORD)) {
            if (!t.isEmpty()) {
                tokensB.add(t);
            }
        }
        if (tokensB.isEmpty()) {
            return 0;
        }
        List<String> unique = new ArrayList<>();
        for (String t : tokensB) {
            if (!tokensA.contains(t)) {
                unique.add(t);
            }
        }
        return 1 - String.join(" ", unique).length() / (double) String.join(" ", tokensB).length();
    }

    private static boolean isProbablyVisible(Element e) {
        String style = e.attr("style");
        if (!style.isEmpty() && DISPLAY_NONE.matcher(style).find()) {
            return false;
        }
        if (e.hasAttr("hidden")) {
            return false;
        }
        return !"true".equals(e.attr("aria-hidden")) || e.className().contains("fallback-image");
    }

    private static boolean isWithoutContent(Element e) {
        if (TextStats.hasText(e)) {
            return false;
        }
        int brs = e.getElementsByTag("br").size() + e.getElementsByTag("hr").size();
        return e.childrenSize() == 0 || e.childrenSize() == brs;
    }

    private static boolean hasSingleChild(Element e, String tag) {
        if (e.childrenSize() != 1 || !e.child(0).normalName().equals(tag)) {
            return false;
        }
        for (TextNode t : e.textNodes()) {
            if (!t.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasChildBlock(Element e) {
        for (Element child : e.children()) {
            if (DIV_TO_P.contains(child.normalName()) || hasChildBlock(child)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPhrasing(Node n) {
        if (n instanceof TextNode) {
            return true;
        }
        if (!(n instanceof Element e)) {
            return true;
        }
        String tag = e.normalName();
        if (PHRASING.contains(tag)) {
            return true;
        }
        if (tag.equals("a") || tag.equals("del") || tag.equals("ins")) {
            for (Node c : e.childNodes()) {
                if (!isPhrasing(c)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean isWhitespace(Node n) {
        return (n instanceof TextNode t && t.isBlank())
                || (n instanceof Element e && e.normalName().equals("br"));
    }

    private static boolean hasAncestor(Element e, String tag) {
        for (Element a = e.parent(); a != null; a = a.parent()) {
            if (a.normalName().equals(tag)) {
                return true;
            }
        }
        return false;
    }

    private static List<Element> ancestors(Element e, int maxDepth) {
        List<Element> list = new ArrayList<>();
        for (Element a = e.parent(); a != null; a = a.parent()) {
            list.add(a);
            if (maxDepth > 0 && list.size() == maxDepth) {
                break;
            }
        }
        return list;
    }

    private static Element removeAndGetNext(Element node) {
        Element next = nextNode(node, true);
        node.remove();
        return next;
    }

    private static Element nextNode(Element node, boolean skipChildren) {
        if (!skipChildren && node.childrenSize() > 0) {
            return node.child(0);
        }
        Element sibling = node.nextElementSibling();
        if (sibling != null) {
            return sibling;
        }
        Element parent = node.parent();
        while (parent != null) {
            Element next = parent.nextElementSibling();
            if (next != null) {
                return next;
            }
            parent = parent.parent();
        }
        return null;
    }

    static String innerText(Element e) {
        return e.text();
    }
}
