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
                    + "auch lesen|zum weiterlesen|weiterlesen|mehr themen|siehe auch|vea también|ver también|puedes ver|"
                    + "mira|lee|ver más|leia|ver mais|czytaj też|czytaj także|zobacz też|zobacz także|przeczytaj też|"
                    + "lees meer|lees verder|le puede interesar|también le puede interesar|recomendamos|lire également|"
                    + "à voir aussi|a voir aussi|"
                    + "関連記事|関連|あわせて読みたい|相关阅读|相关新闻|관련기사|관련 기사)\\s*[:：]");

    /**
     * The heading of a box of other articles ("You may also like", "Das könnte Sie auch interessieren",
     * "Le puede interesar"): the whole paragraph, any case, closing punctuation ignored.
     */
    private static final Pattern RELATED_HEADING = Pattern.compile(
            "(?iu)(related( coverage| content| posts| articles| stories| links| news| topics)?|"
                    + "(you )?(may|might) also (like|be interested in|enjoy)|more (from|on) .{1,40}|"
                    + "most (read|popular|viewed|shared)|popular (posts|articles|stories)|recent posts|latest (news|posts|articles)|"
                    + "(das|dies|the) könnte (sie|dich) (auch )?interessieren|(das )?könnte (sie|dich) auch interessieren|"
                    + "auch interessant|interessant für sie|mehr zum thema( .{1,40})?|mehr (themen|artikel|beiträge|news|dazu)|"
                    + "meist(gelesen|diskutiert|kommentiert|geklickt)e?( artikel| beiträge| news)?|"
                    + "(verwandte|ähnliche|empfohlene|neueste|beliebte|aktuelle|weitere) (artikel|beiträge|themen|news|nachrichten|meldungen)|"
                    + "beiträge zum thema|lesen sie auch( die folgenden beiträge)?|schon gelesen|siehe auch|empfehlungen( der redaktion)?|"
                    + "(le |te )?(puede|podría) interesar|también te (puede|podría) interesar|lo más (leído|visto)|"
                    + "noticias relacionadas|artículos relacionados|"
                    + "à lire aussi|a lire aussi|lire aussi|sur le même sujet|vous aimerez aussi|les plus lus|"
                    + "leia também|veja também|notícias relacionadas|leggi anche|potrebbe interessarti|articoli correlati|"
                    + "lees ook|gerelateerde artikelen|czytaj (też|także)|zobacz (też|także)|polecamy|"
                    + "читайте также|похожие статьи|関連記事|相关阅读|相关新闻|관련기사)[\\s.:!?…]*");

    /**
     * A line of post metadata: publication and update stamps, categories, tags, "posted in" lines.
     * Only short paragraphs are read so.
     */
    private static final Pattern POST_META = Pattern.compile(
            "(?iu)^(this (entry|post) was posted|posted (on|in|by)|filed (under|in)|"
                    + "(der|dieser) (beitrag|eintrag|artikel|text) wurde|dieser text wurde|"
                    + "(tags|tagged|schlagwörter|schlagworte|stichwörter|kategorien?|categories|category|"
                    + "catégories?|etiquetas|categorías?|rubriken?|themen)\\s*[:：]|"
                    + "(veröffentlicht|aktualisiert|erstellt|zuletzt aktualisiert|stand|published|updated|last updated|"
                    + "posted|publié|mis à jour|publicado|actualizado|pubblicato|aggiornato|gepubliceerd|bijgewerkt|"
                    + "opublikowano|publikacja|aktualizacja)\\b)");

    /** A date or a time by its shape: 3.4.2020, 2020-04-03, 04/03/20, 15:37, or a month's or weekday's name. */
    private static final Pattern DATE_SHAPE = Pattern.compile(
            "\\d{1,4}[./-]\\s?\\d{1,2}[./-]\\s?\\d{2,4}|\\d{1,2}:\\d{2}|(?iu)\\b(jan|feb|fév|fev|mar|mär|apr|avr|abr|may|mai|maj|mei|"
                    + "jun|jui|giu|jul|lug|aug|aoû|ago|sep|set|wrz|oct|okt|ott|out|paź|nov|lis|dec|dez|déc|dic|gru|sty|lut|kwi|cze|lip|sie|maa)\\p{L}*");

    /** The words a date or time is written with, in the languages of the sets; a line of nothing else is a date. */
    private static final Pattern DATE_WORDS = Pattern.compile(
            "(?iu)\\b(jan(uary|uar|vier|eiro)?|feb(ruary|ruar|rero)?|févr(ier)?|fevereiro|mar(ch|s|zo|ço)?|märz|apr(il|ile)?|avril|abril|"
                    + "may|mai|mayo|maggio|maio|jun(e|i|io|ho)?|juin|giugno|jul(y|i|io|ho)?|juillet|luglio|aug(ust|usti)?|août|agosto|"
                    + "sep(t|tember|tembre|tiembre)?|setembro|settembre|oct(ober|obre|ubre)?|okt(ober)?|ottobre|outubro|"
                    + "nov(ember|embre|iembre)?|novembro|dec(ember)?|dez(ember)?|déc(embre)?|dic(iembre|embre)?|dezembro|"
                    + "stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia|"
                    + "januari|februari|maart|mei|juni|juli|augustus|oktober|"
                    + "mon(day)?|tue(s|sday)?|wed(nesday)?|thu(rs|rsday)?|fri(day)?|sat(urday)?|sun(day)?|"
                    + "montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|"
                    + "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|"
                    + "am|pm|uhr|um|at|on|de|del|le|el|à|h|gmt|utc|cet|cest|mez|mesz|est|edt|pst|pdt|"
                    + "veröffentlicht|aktualisiert|erstellt|stand|published|updated|posted|publié|mis à jour|publicado|"
                    + "actualizado|pubblicato|aggiornato|opublikowano|publikacja|datum|date|data|fecha|"
                    + "\\d{1,4}(st|nd|rd|th|er|e|\\.)?)\\b");

    /** Image credits: a credit word with a colon or slash, or a bare credit in parentheses. */
    private static final Pattern CREDIT = Pattern.compile(
            "(?iu)^[(\\[]?\\s*(photo|photograph|photos|image|images|picture|pictures|credit|credits|source|bild|"
                    + "bilder|foto|fotos|crédit|crédits|créditos|fonte|quelle|imagen|immagine|afbeelding|"
                    + "写真|画像|撮影|引用|出典|提供|사진|图片|图|来源|фото)(\\s+(photos?|fotos?|de la photo|de l'image))?\\s*[:：/|]"
                    + "|^[(\\[]\\s*(photo|foto|bild|image)\\s*[:：]?.*[)\\]]$"
                    + "|^(©|\\(c\\)|copyright\\b)");

    /** A figure's label: "Abbildung 4: …", "Fig. 2.", "Grafik 1 –". */
    private static final Pattern FIGURE_LABEL = Pattern.compile(
            "(?iu)^(abbildung|abb\\.|figure|fig\\.|grafik|bild|image|foto|photo|illustration|tabelle|table|"
                    + "figura|imagen|illustración|gráfico|afbeelding|rysunek|ryc\\.)\\s*\\d+[a-z]?\\s*[:.–-]");

    /** A call to follow, subscribe or sign up, which closes many articles. */
    private static final Pattern PROMPT = Pattern.compile(
            "(?iu)^(follow (us|\\S+( \\S+){0,3}) on (twitter|facebook|instagram|linkedin|x)\\b|never miss|subscribe to|"
                    + "sign up (for|to)|abonnieren sie|folgen sie uns|melden sie sich (jetzt )?(für|zum) |"
                    + "suscríbete|abonnez-vous|inscrivez-vous|iscriviti|assine|zapisz się)");

    /** Longer than this, a paragraph is text, whatever it starts with. */
    private static final int SHORT = 160;

    private Boilerplate() {
    }

    static List<String> strip(List<ParagraphWriter.Block> blocks) {
        List<ParagraphWriter.Block> kept = new ArrayList<>();
        boolean dropLinks = false;
        for (ParagraphWriter.Block b : blocks) {
            String t = b.text();
            boolean shortText = t.length() <= SHORT;
            if (shortText && (LABEL.matcher(t).matches() || CROSS_REFERENCE.matcher(t).find()
                    || CREDIT.matcher(t).find() || POST_META.matcher(t).find() || isDate(t)
                    || FIGURE_LABEL.matcher(t).find() || PROMPT.matcher(t).find())) {
                continue;
            }
            if (t.length() <= 80 && RELATED_HEADING.matcher(t).matches()) {
                // The heading and the links it introduces.
                dropLinks = true;
                continue;
            }
            if (dropLinks && isLinkLine(b)) {
                continue;
            }
            dropLinks = false;
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

    /** A short line of a date, a time, their words and a label, with a digit in it. */
    static boolean isDate(String t) {
        if (t.length() > 60) {
            return false;
        }
        boolean digit = false;
        for (int i = 0; i < t.length() && !digit; i++) {
            digit = Character.isDigit(t.charAt(i));
        }
        if (!digit) {
            return false;
        }
        if (!DATE_SHAPE.matcher(t).find()) {
            return false;
        }
        String rest = DATE_WORDS.matcher(t).replaceAll("");
        for (int i = 0; i < rest.length(); i++) {
            if (Character.isLetterOrDigit(rest.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLinkLine(ParagraphWriter.Block b) {
        return b.text().length() <= SHORT && b.linkRatio() >= 0.8;
    }
}
