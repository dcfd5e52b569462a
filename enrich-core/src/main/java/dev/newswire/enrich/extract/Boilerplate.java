package dev.newswire.enrich.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The last pass over an article's paragraphs: drops the short furniture that sits inside article
 * containers and that content scoring keeps (it scores blocks, not lines): labels ("Advertisement",
 * "Photo", "Continue reading the main story"), image credits ("(Bild: Hersteller)", "写真:…"),
 * cross-references ("Related: …", "Lire aussi : …", "[Read: …]") and the run of link-only lines that
 * ends many articles (more stories, tags, follow-us lines).
 */
final class Boilerplate {

    /** Whole-paragraph labels, any case, trailing punctuation ignored. */
    private static final Pattern LABEL = Pattern.compile(
            "(?iu)(photo|photos|image|video|advertisement|advertising|ad|sponsored|sponsored content|anzeige|werbung|"
                    + "publicité|publicidad|pubblicità|publicidade|advertentie|iklan|реклама|広告|广告|광고|"
                    + "continue reading( the main story)?|story continues below( advertisement)?|"
                    + "article continues below( advertisement)?|read more|more|related|related articles?|"
                    + "related stories|share|share this( article| story)?|tweet|comments?|print|email|"
                    + "skip to (main )?content|scroll to continue|view comments|show comments)[\\s.:…]*");

    /** Cross-references to other articles: a "see also" word, then a colon. */
    private static final Pattern CROSS_REFERENCE = Pattern.compile(
            "(?iu)^\\[?\\s*(related|read|read more|read also|also read|see also|more|more on this|"
                    + "recommended|watch|listen|lire aussi|à lire aussi|lire|voir aussi|leia também|leia mais|"
                    + "veja também|lesen sie auch|mehr zum thema|auch interessant|lee también|lea también|"
                    + "te puede interesar|leggi anche|vedi anche|lees ook|baca juga|baca|читайте также|"
                    + "関連記事|関連|あわせて読みたい|相关阅读|相关新闻|관련기사|관련 기사)\\s*[:：]");

    /** Image credits: a credit word with a colon or slash, or a bare credit in parentheses. */
    private static final Pattern CREDIT = Pattern.compile(
            "(?iu)^[(\\[]?\\s*(photo|photograph|photos|image|images|picture|pictures|credit|credits|source|bild|"
                    + "bilder|foto|fotos|crédit|crédits|créditos|fonte|quelle|imagen|immagine|afbeelding|"
                    + "写真|画像|撮影|引用|出典|提供|사진|图片|图|来源|фото)\\s*[:：/|]"
                    + "|^[(\\[]\\s*(photo|foto|bild|image)\\s*[:：]?.*[)\\]]$"
                    + "|^(©|\\(c\\)|copyright\\b)");

    /** Longer than this, a paragraph is text, whatever it starts with. */
    private static final int SHORT = 160;

    private Boilerplate() {
    }

    static List<String> strip(List<ParagraphWriter.Block> blocks) {
        List<ParagraphWriter.Block> kept = new ArrayList<>();
        for (ParagraphWriter.Block b : blocks) {
            String t = b.text();
            boolean shortText = t.length() <= SHORT;
            if (shortText && (LABEL.matcher(t).matches() || CROSS_REFERENCE.matcher(t).find()
                    || CREDIT.matcher(t).find())) {
                continue;
            }
            kept.add(b);
        }
        // The run of link lines (and their "More …:" heading) after the article's last text.
        int end = kept.size();
        while (end > 1 && isLinkLine(kept.get(end - 1))) {
            end--;
        }
        if (end < kept.size() && end > 1 && kept.get(end - 1).text().length() <= 60
                && kept.get(end - 1).text().endsWith(":")) {
            end--;
        }
        // Only a tail: a text that is mostly links (a list of resources) keeps them.
        if (length(kept, 0, end) < length(kept, end, kept.size())) {
            end = kept.size();
        }
        List<String> paragraphs = new ArrayList<>(end);
        for (int i = 0; i < end; i++) {
            paragraphs.add(kept.get(i).text());
        }
        return paragraphs;
    }

    private static int length(List<ParagraphWriter.Block> blocks, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n += blocks.get(i).text().length();
        }
        return n;
    }

    private static boolean isLinkLine(ParagraphWriter.Block b) {
        return b.text().length() <= SHORT && b.linkRatio() >= 0.8;
    }
}
