package dev.newswire.enrich.entities;

import dev.newswire.model.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Curated patterns that add what the tagger misses in news text: a name right before a title or
 * honorific (ヘグセス長官, 葉江少将, スミス副次官補, ウォン報道官) is a person.
 */
final class NameRules {

    /** Titles and honorifics after a person's name, longest first so 副次官補 wins over 次官. */
    private static final String TITLES = String.join("|",
            "国防次官補", "副次官補", "次官補", "国防長官", "国務長官", "財務長官", "商務長官", "国防部長", "外交部長",
            "国家主席", "副主席", "国家安全保障担当大統領補佐官", "大統領補佐官", "報道官", "副報道官", "副大統領",
            "大統領", "首相", "総理", "国防相", "防衛相", "外相", "財務相", "官房長官", "総書記", "書記長", "委員長",
            "議長", "長官", "次官", "主席", "総統", "司令官", "大使", "上将", "中将", "少将", "大将", "准将", "大佐",
            "将軍", "知事", "市長", "下院議長", "上院議員", "下院議員", "議員", "社長", "会長", "教授", "博士", "氏", "さん",
            "容疑者", "被告", "首席");

    /** A katakana name (with its dots) or two to four kanji, then an optional country mark, then a title. */
    private static final Pattern TITLED = Pattern.compile(
            "([\\p{IsKatakana}ー][\\p{IsKatakana}ー・=＝]*[\\p{IsKatakana}ー]|\\p{IsHan}{1,4})"
                    + "(?:米|中|英|仏|独|露|韓|日|豪|台湾|中国|米国|ロシア)?(?:" + TITLES + ")");

    /** Kanji runs before a title that are not names: institutions, 両国, 担当副 (…副次官補). */
    private static final Pattern KANJI_NON_NAME = Pattern.compile(
            "(両|同|各|当|本|前|元|現|新|米|中|日|英|露|韓|計|約|他|旧).*|.*(国|省|府|軍|党|部|県|市|局|庁|会|社|院|州|政権|政府"
                    + "|国防|担当|副|総|元|前|現|次|外|内)");

    private NameRules() {
    }

    /** Persons named before a title in a Japanese text, code point offsets. */
    static List<Span> titledPersons(String text, Gazetteer gazetteer) {
        List<Span> spans = new ArrayList<>();
        Matcher m = TITLED.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            if (Character.UnicodeScript.of(name.codePointAt(0)) == Character.UnicodeScript.HAN) {
                if (KANJI_NON_NAME.matcher(name).matches()) {
                    continue;
                }
            }
            var known = gazetteer.lookup(name);
            if (known.isPresent() && known.get().type() != EntityType.PERSON) {
                continue;
            }
            int start = text.codePointCount(0, m.start(1));
            spans.add(new Span(start, start + name.codePointCount(0, name.length()), EntityType.PERSON));
        }
        return spans;
    }
}
