package dev.newswire.enrich.entities;

import dev.newswire.model.EntityType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Curated patterns that add what the tagger misses in news text: a name right before a title or
 * honorific (ヘグセス長官, 葉江少将, スミス副次官補, トランプ米大統領, 董国防部長) is a person.
 */
final class NameRules {

    /** Titles and honorifics after a person's name; longer ones are tried first. */
    private static final List<String> TITLES = List.of(
            "国防次官補", "副次官補", "次官補", "国防長官", "国務長官", "財務長官", "商務長官", "国防部長", "外交部長",
            "国家主席", "副主席", "大統領補佐官", "報道官", "副報道官", "副大統領", "大統領", "首相", "総理", "国防相",
            "防衛相", "外相", "財務相", "官房長官", "総書記", "書記長", "委員長", "下院議長", "上院議員", "下院議員", "議長",
            "長官", "次官", "主席", "総統", "司令官", "大使", "上将", "中将", "少将", "大将", "准将", "大佐", "将軍", "知事",
            "市長", "議員", "社長", "会長", "教授", "博士", "氏", "さん", "容疑者", "被告", "首席").stream()
            .sorted(Comparator.comparingInt(String::length).reversed()).toList();

    /** A country mark may stand between the name and the title: トランプ米大統領. */
    private static final List<String> COUNTRY_MARKS = List.of("中国", "米国", "ロシア", "台湾", "米", "中", "英", "仏",
            "独", "露", "韓", "日", "豪");

    /** First characters of kanji runs that are not names (両国, 同氏, 前大統領 …). */
    private static final Set<Character> NOT_NAME_FIRST = Set.of('両', '同', '各', '当', '本', '前', '元', '現', '新',
            '米', '中', '日', '英', '露', '韓', '計', '約', '他', '旧', '副');

    /** Last characters (or words) of kanji runs that are institutions or parts of titles. */
    private static final List<String> NOT_NAME_LAST = List.of("国", "省", "府", "軍", "党", "部", "県", "市", "局", "庁",
            "会", "社", "院", "州", "政権", "政府", "国防", "担当", "副", "総", "元", "前", "現", "次", "外", "内");

    private NameRules() {
    }

    /** Persons named before a title in a Japanese text, code point offsets. */
    static List<Span> titledPersons(String text, Gazetteer gazetteer) {
        List<int[]> found = new ArrayList<>();
        for (String title : TITLES) {
            for (int at = text.indexOf(title); at >= 0; at = text.indexOf(title, at + 1)) {
                if (insideLongerTitle(text, at, title)) {
                    // 長官 of 官房長官: 官房 is part of the title, not a name.
                    continue;
                }
                int[] direct = nameBefore(text, at);
                if (direct == null) {
                    for (String mark : COUNTRY_MARKS) {
                        if (at - mark.length() > 0 && text.startsWith(mark, at - mark.length())) {
                            direct = nameBefore(text, at - mark.length());
                            if (direct != null) {
                                break;
                            }
                        }
                    }
                }
                int[] name = direct;
                if (name != null && found.stream().noneMatch(f -> f[0] < name[1] && name[0] < f[1])) {
                    found.add(name);
                }
            }
        }
        List<Span> spans = new ArrayList<>();
        for (int[] name : found) {
            String surface = text.substring(name[0], name[1]);
            Optional<GazetteerEntry> known = gazetteer.lookup(surface);
            if (known.isPresent() && known.get().type() != EntityType.PERSON) {
                continue;
            }
            int start = text.codePointCount(0, name[0]);
            spans.add(new Span(start, start + surface.codePointCount(0, surface.length()), EntityType.PERSON));
        }
        return spans;
    }

    /** Whether a title starts at {@code start} and runs past {@code end} (国防部長 over 国防部). */
    static boolean titleStartsAt(int[] cp, int start, int end) {
        String text = new String(cp, start, Math.min(cp.length - start, end - start + 6));
        int length = text.offsetByCodePoints(0, end - start);
        for (String title : TITLES) {
            if (title.length() > length && text.startsWith(title)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the text is a title alone (上将, 報道官): no name. */
    static boolean isTitle(String text) {
        return TITLES.contains(text);
    }

    /** Whether a longer title ending in {@code title} (官房長官 for 長官) stands at {@code at}. */
    private static boolean insideLongerTitle(String text, int at, String title) {
        for (String longer : TITLES) {
            if (longer.length() > title.length() && longer.endsWith(title)) {
                int from = at + title.length() - longer.length();
                if (from >= 0 && text.startsWith(longer, from)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A tagger's name that runs into a title (董軍国防 of 董軍国防部長, ヘグセス長官): the person
     * before the title, or {@code null} when the span does not hold the start of a title after a
     * plausible name.
     */
    static Span personBeforeTitle(int[] cp, Span span, Gazetteer gazetteer) {
        String text = new String(cp, span.start(), Math.min(cp.length - span.start(), span.length() + 8));
        int spanEnd = text.offsetByCodePoints(0, span.length());
        for (int k = 1; k < spanEnd; k = text.offsetByCodePoints(k, 1)) {
            for (String title : TITLES) {
                if (text.startsWith(title, k) && k + title.length() >= spanEnd) {
                    String name = text.substring(0, k);
                    Optional<GazetteerEntry> known = gazetteer == null ? Optional.empty() : gazetteer.lookup(name);
                    int[] found = nameBefore(name, name.length());
                    boolean plausible = known.isPresent() ? known.get().type() == EntityType.PERSON
                            : found != null && found[0] == 0;
                    if (plausible) {
                        int n = name.codePointCount(0, name.length());
                        return new Span(span.start(), span.start() + n, EntityType.PERSON);
                    }
                }
            }
        }
        return null;
    }

    /** The katakana name (with dots) or one to four kanji ending at {@code end}, in UTF-16 offsets. */
    private static int[] nameBefore(String text, int end) {
        if (end <= 0) {
            return null;
        }
        char last = text.charAt(end - 1);
        if (isKatakana(last)) {
            int start = end - 1;
            while (start > 0 && (isKatakana(text.charAt(start - 1)) || text.charAt(start - 1) == '・')) {
                start--;
            }
            while (text.charAt(start) == '・') {
                start++;
            }
            return end - start >= 2 ? new int[] {start, end} : null;
        }
        if (!isKanji(last)) {
            return null;
        }
        int start = end - 1;
        while (start > 0 && isKanji(text.charAt(start - 1))) {
            start--;
        }
        if (end - start > 4) {
            return null;
        }
        String name = text.substring(start, end);
        if (NOT_NAME_FIRST.contains(name.charAt(0)) || NOT_NAME_LAST.stream().anyMatch(name::endsWith)) {
            return null;
        }
        return new int[] {start, end};
    }

    private static boolean isKatakana(char c) {
        return (c >= 'ァ' && c <= 'ヺ') || c == 'ー';
    }

    private static boolean isKanji(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
