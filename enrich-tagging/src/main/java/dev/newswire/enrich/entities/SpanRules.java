package dev.newswire.enrich.entities;

import dev.newswire.model.EntityType;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Corrections of the taggers' names that the training data cannot teach (it has little news of
 * this kind) but that hold in general: the gazetteer's type wins for a name it knows (Pentagon is
 * an organisation, not a place); days and months are never names; a title is not part of a
 * person's name (Admiral Dong is Dong, 董軍国防部長 is 董軍); an all-caps acronym is not a person
 * unless the gazetteer says so; 両国軍 and 同社 point back to names, they are none themselves.
 */
final class SpanRules {

    private static final Set<String> CALENDAR = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
            "sat", "sun", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");

    private static final Set<String> WEEKDAYS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday");

    /** Peoples and nationalities (the Japanese, Taiwanese, Filipino): adjectives, no names. */
    private static final Set<String> DEMONYMS = Set.of("american", "americans", "british", "chinese", "japanese",
            "korean", "koreans", "taiwanese", "filipino", "filipinos", "vietnamese", "thai", "indonesian", "indonesians",
            "malaysian", "malaysians", "singaporean", "singaporeans", "indian", "indians", "pakistani", "pakistanis",
            "russian", "russians", "ukrainian", "ukrainians", "european", "europeans", "asian", "asians", "african",
            "africans", "french", "german", "germans", "italian", "italians", "spanish", "canadian", "canadians",
            "australian", "australians", "brazilian", "brazilians", "mexican", "mexicans", "israeli", "israelis",
            "iranian", "iranians", "palestinian", "palestinians", "turkish", "polish", "dutch", "swedish", "norwegian",
            "finnish", "danish", "greek", "arab", "arabs", "english", "scottish", "irish", "welsh", "mongolian",
            "burmese", "cambodian", "laotian", "nepali", "bangladeshi", "saudi", "egyptian", "nigerian", "kenyan");

    /** Words of a title before a person's name; abbreviations with or without their dot. */
    private static final Set<String> ENGLISH_TITLES = Set.of("mr", "mrs", "ms", "dr", "sir", "president", "senator",
            "sen", "governor", "gov", "general", "gen", "colonel", "col", "captain", "capt", "lieutenant", "lt",
            "sergeant", "sgt", "admiral", "adm", "major", "maj", "commander", "cmdr", "minister", "secretary", "premier",
            "chancellor", "chairman", "spokesman", "spokeswoman", "spokesperson", "ambassador", "rep", "representative",
            "vice", "prime", "defense", "defence", "foreign", "deputy", "assistant", "state", "chief", "rear", "marshal",
            "brigadier", "lt.", "gen.", "adm.", "col.", "dr.", "mr.", "mrs.", "ms.", "sen.", "gov.", "rep.", "capt.",
            "maj.", "sgt.", "sheriff", "father", "fr", "fr.", "rev", "rev.", "reverend", "bishop", "archbishop",
            "cardinal", "professor", "prof", "prof.", "detective", "inspector");

    /** Words that refer back to names met before (両国軍, 同社, 各国政府): never names themselves. */
    private static final List<String> JAPANESE_ANAPHORIC = List.of("両国", "両軍", "両党", "両政府", "両首脳", "各国", "同国",
            "同社", "同省", "同党", "同軍", "同紙", "同局", "同庁", "同氏", "自国", "他国", "双方", "当局");

    /** Two countries' marks before a common noun (米中軍事, 日米同盟, 米中貿易協議): a relation, not a name. */
    private static final List<String> COUNTRY_PAIRS = List.of("米中", "日米", "米露", "米ロ", "日中", "中露", "中ロ", "米韓",
            "日韓", "米朝", "日朝", "中台", "米台", "日台", "米欧", "日欧", "中欧", "米英", "英仏", "独仏", "米印", "日印",
            "日豪", "米豪", "露ウ", "ロ朝", "中韓");

    /** Heads of the names of bodies two countries share (日米安全保障協議委員会): those are names. */
    private static final List<String> JOINT_BODY_HEADS = List.of("委員会", "機構", "協議会", "会議", "本部", "司令部",
            "事務局", "銀行", "公社", "基金");

    private static final Set<String> JAPANESE_CALENDAR = Set.of("月曜", "火曜", "水曜", "木曜", "金曜", "土曜", "日曜",
            "月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日", "日曜日");

    private SpanRules() {
    }

    /** The English tagger's names, corrected. */
    static List<Span> english(int[] cp, List<Span> spans, Gazetteer gazetteer) {
        List<Span> out = new ArrayList<>(spans.size());
        for (Span span : personsAfterTitles(cp, spans)) {
            Span s = span;
            String surface = text(cp, s);
            Optional<GazetteerEntry> known = gazetteer == null ? Optional.empty() : gazetteer.lookup(surface);
            if (known.isPresent()) {
                out.add(new Span(s.start(), s.end(), known.get().type()));
                continue;
            }
            String lower = surface.toLowerCase(Locale.ROOT);
            if (hasWeekday(surface) || CALENDAR.contains(lower)
                    || DEMONYMS.contains(lower.startsWith("the ") ? lower.substring(4) : lower)) {
                continue;
            }
            s = beforeLowerCaseWord(cp, s);
            if (s == null) {
                continue;
            }
            if (s.type() == EntityType.PERSON) {
                s = withoutLeadingTitles(cp, s);
                if (s == null) {
                    continue;
                }
                surface = text(cp, s);
                known = gazetteer == null ? Optional.empty() : gazetteer.lookup(surface);
                if (known.isPresent()) {
                    out.add(new Span(s.start(), s.end(), known.get().type()));
                    continue;
                }
                if (isAcronym(surface)) {
                    continue;
                }
            }
            out.add(placeByHead(cp, s));
        }
        return consistentTypes(cp, withKnownNames(cp, officesBeforeTitles(cp, out, gazetteer), gazetteer));
    }

    /**
     * Last words that make a name of several words a place, whatever names it starts with: a park, a
     * street or a reservoir named after a person ("Cal Anderson Park", "Bobby Morris Playfield")
     * is still a place, as a county named after one is (5-fold F1 of English lines 0.726 → 0.730).
     */
    private static final Set<String> PLACE_HEADS = Set.of("park", "playfield", "reservoir", "street", "road", "avenue",
            "boulevard", "lane", "square", "island", "islands", "river", "bay", "junction", "county", "gym",
            "stadium", "falls", "hill", "hills", "mountain", "mountains", "valley", "canyon", "township", "province");

    private static Span placeByHead(int[] cp, Span span) {
        if (span.type() == EntityType.PLACE) {
            return span;
        }
        String surface = text(cp, span);
        int space = surface.lastIndexOf(' ');
        if (space < 0 || !PLACE_HEADS.contains(surface.substring(space + 1).toLowerCase(Locale.ROOT))) {
            return span;
        }
        return new Span(span.start(), span.end(), EntityType.PLACE);
    }

    /** Words that name a government department inside a title (US Defense Secretary). */
    private static final Set<String> DEPARTMENTS = Set.of("defense", "defence", "foreign", "state", "interior", "home",
            "finance", "treasury", "trade", "commerce", "justice", "health", "education", "energy", "agriculture",
            "labor", "labour", "transport", "transportation", "environment", "economy", "security", "war", "navy");

    /**
     * A name that ends in a department and comes right before a person title ("US Defense" in "US
     * Defense Secretary Pete Hegseth") is part of the office, not an organisation: only a leading name
     * the gazetteer knows (US) stays, with the gazetteer's type.
     */
    private static List<Span> officesBeforeTitles(int[] cp, List<Span> spans, Gazetteer gazetteer) {
        List<Span> out = new ArrayList<>(spans.size());
        for (Span s : spans) {
            String[] words = text(cp, s).split(" ");
            String last = words[words.length - 1].toLowerCase(Locale.ROOT);
            if (s.type() == EntityType.PERSON || !DEPARTMENTS.contains(last) || !titleFollows(cp, s.end())) {
                out.add(s);
                continue;
            }
            int end = s.start();
            Span known = null;
            for (int w = 0; w < words.length - 1; w++) {
                end += (w == 0 ? 0 : 1) + words[w].codePointCount(0, words[w].length());
                Optional<GazetteerEntry> entry = gazetteer == null ? Optional.empty()
                        : gazetteer.lookup(new String(cp, s.start(), end - s.start()));
                if (entry.isPresent()) {
                    known = new Span(s.start(), end, entry.get().type());
                }
            }
            if (known != null) {
                out.add(known);
            }
        }
        return out;
    }

    /** Whether the word after {@code at} (past spaces) is a capitalised person title. */
    private static boolean titleFollows(int[] cp, int at) {
        int start = at;
        while (start < cp.length && cp[start] == ' ') {
            start++;
        }
        int end = start;
        while (end < cp.length && !Character.isWhitespace(cp[end])) {
            end++;
        }
        return start > at && end > start && Character.isUpperCase(cp[start])
                && PERSON_TITLES.contains(new String(cp, start, end - start).toLowerCase(Locale.ROOT));
    }

    /**
     * One name, one type within a text: where the tagger gave the same surface different types
     * (Citrone a person here, a place there), every mention takes the type most of them have (the
     * first mention's type on a tie).
     */
    private static List<Span> consistentTypes(int[] cp, List<Span> spans) {
        Map<String, Map<EntityType, Integer>> votes = new HashMap<>();
        for (Span s : spans) {
            votes.computeIfAbsent(text(cp, s), k -> new LinkedHashMap<>()).merge(s.type(), 1, Integer::sum);
        }
        List<Span> out = new ArrayList<>(spans.size());
        for (Span s : spans) {
            Map<EntityType, Integer> v = votes.get(text(cp, s));
            EntityType type = s.type();
            if (v.size() > 1) {
                int best = 0;
                for (Map.Entry<EntityType, Integer> e : v.entrySet()) {
                    if (e.getValue() > best) {
                        best = e.getValue();
                        type = e.getKey();
                    }
                }
            }
            out.add(type == s.type() ? s : new Span(s.start(), s.end(), type));
        }
        return out;
    }

    /**
     * Adds the capitalised names the gazetteer knows that the tagger left out and that overlap none
     * of its names ("the Pentagon said", where the tagger sees a common noun), in text order.
     */
    private static List<Span> withKnownNames(int[] cp, List<Span> spans, Gazetteer gazetteer) {
        if (gazetteer == null) {
            return spans;
        }
        List<Span> out = spans;
        for (Gazetteer.Match match : gazetteer.find(cp)) {
            if (!Character.isUpperCase(cp[match.start()]) || spans.stream().anyMatch(
                    s -> s.start() < match.end() && match.start() < s.end())) {
                continue;
            }
            if (out == spans) {
                out = new ArrayList<>(spans);
            }
            out.add(new Span(match.start(), match.end(), match.entry().type()));
        }
        if (out != spans) {
            out.sort(Comparator.comparingInt(Span::start));
        }
        return out;
    }

    /** The Japanese tagger's names, corrected. */
    static List<Span> japanese(int[] cp, List<Span> spans, Gazetteer gazetteer) {
        List<Span> out = new ArrayList<>(spans.size());
        for (Span span : spans) {
            String surface = text(cp, span);
            Optional<GazetteerEntry> known = gazetteer == null ? Optional.empty() : gazetteer.lookup(surface);
            if (known.isPresent()) {
                out.add(new Span(span.start(), span.end(), known.get().type()));
                continue;
            }
            if (JAPANESE_ANAPHORIC.stream().anyMatch(surface::startsWith) || JAPANESE_CALENDAR.contains(surface)
                    || surface.contains("両政府") || surface.contains("両国") || NameRules.isTitle(surface)
                    || isCountryPairRelation(surface)) {
                continue;
            }
            if (span.type() == EntityType.PERSON && isAcronym(surface)) {
                continue;
            }
            Span person = NameRules.personBeforeTitle(cp, span, gazetteer);
            out.add(person != null ? person : span);
        }
        return out;
    }

    /**
     * Surnames of persons named in full in the same text, where the tagger missed them, after a title
     * (Admiral Dong, Secretary Hegseth, Mr Xi) or mid-sentence after a word in lower case ("talks with
     * Dong"): persons, which the linker joins to the full name.
     */
    static List<Span> titledSurnames(int[] cp, List<Span> chosen) {
        String text = new String(cp, 0, cp.length);
        List<Span> found = new ArrayList<>();
        // Each surname once (a name met a hundred times is looked for once), code point offsets counted
        // as the search moves on and overlaps looked up in a bit set: linear in the text per surname.
        Set<String> looked = new HashSet<>();
        BitSet taken = EntityStage.covered(chosen);
        List<Span> empty = chosen.stream().filter(s -> s.length() <= 0).toList();
        for (Span span : chosen) {
            String full = text(cp, span);
            if (span.type() != EntityType.PERSON || !full.contains(" ")) {
                continue;
            }
            String first = full.substring(0, full.indexOf(' '));
            String last = full.substring(full.lastIndexOf(' ') + 1);
            for (String surname : new String[] {first, last}) {
                if (surname.length() < 2 || !looked.add(surname)) {
                    continue;
                }
                int surnameCodePoints = surname.codePointCount(0, surname.length());
                int counted = 0;
                int codePoints = 0;
                for (int at = text.indexOf(surname); at > 0; at = text.indexOf(surname, at + 1)) {
                    int end = at + surname.length();
                    if (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
                        continue;
                    }
                    int wordEnd = at;
                    while (wordEnd > 0 && Character.isWhitespace(text.charAt(wordEnd - 1))) {
                        wordEnd--;
                    }
                    int wordStart = wordEnd;
                    while (wordStart > 0 && !Character.isWhitespace(text.charAt(wordStart - 1))) {
                        wordStart--;
                    }
                    String word = text.substring(wordStart, wordEnd);
                    boolean titled = !word.isEmpty() && Character.isUpperCase(word.charAt(0))
                            && ENGLISH_TITLES.contains(word.toLowerCase(Locale.ROOT));
                    // Mid-sentence, after a word in lower case ("talks with Dong"), the capital is the name's own.
                    boolean midSentence = !word.isEmpty() && Character.isLowerCase(word.charAt(0))
                            && Character.isLetter(word.charAt(word.length() - 1));
                    if (wordEnd == at || !(titled || midSentence)) {
                        continue;
                    }
                    codePoints += text.codePointCount(counted, at);
                    counted = at;
                    Span candidate = new Span(codePoints, codePoints + surnameCodePoints, EntityType.PERSON);
                    if (!EntityStage.overlaps(taken, candidate) && empty.stream().noneMatch(candidate::overlaps)) {
                        found.add(candidate);
                        taken.set(candidate.start(), candidate.end());
                    }
                }
            }
        }
        return found;
    }

    private static boolean isCountryPairRelation(String surface) {
        return COUNTRY_PAIRS.stream().anyMatch(pair -> surface.startsWith(pair) && surface.length() > pair.length())
                && JOINT_BODY_HEADS.stream().noneMatch(surface::endsWith);
    }

    /** "DPCT", "NATO", "G7": two or more capitals, no lower case. */
    static boolean isAcronym(String surface) {
        int capitals = 0;
        for (int i = 0; i < surface.length(); i++) {
            char c = surface.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            if (Character.isUpperCase(c) && c < 0x3000) {
                capitals++;
            } else if (!Character.isDigit(c) && c != '.' && c != '&' && c != '-') {
                return false;
            }
        }
        return capitals >= 2;
    }

    private static boolean hasWeekday(String surface) {
        for (String word : surface.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (WEEKDAYS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** Lower-case words inside names of several words; others end the name ("Dong met Pentagon"). */
    private static final Set<String> JOINERS = Set.of("of", "the", "and", "for", "de", "da", "do", "dos", "das", "del",
            "della", "di", "du", "des", "la", "le", "van", "von", "der", "den", "al", "el", "bin", "ibn", "y", "e", "on",
            "upon", "in", "at", "&", "'s", "’s", "to", "a", "an", "vs", "vs.", "und", "et", "st", "st.", "pāti", "te");

    private static Span beforeLowerCaseWord(int[] cp, Span span) {
        int start = span.start();
        while (start < span.end()) {
            int end = start;
            while (end < span.end() && !Character.isWhitespace(cp[end])) {
                end++;
            }
            String word = new String(cp, start, end - start);
            if (start > span.start() && Character.isLowerCase(word.codePointAt(0)) && !JOINERS.contains(word)) {
                int cut = start;
                while (cut > span.start() && Character.isWhitespace(cp[cut - 1])) {
                    cut--;
                }
                // A name does not end on a joiner either ("Bank of").
                return new Span(span.start(), cut, span.type());
            }
            start = end;
            while (start < span.end() && Character.isWhitespace(cp[start])) {
                start++;
            }
        }
        return span;
    }

    private static final java.util.regex.Pattern SINGLE_SPACED = java.util.regex.Pattern.compile("\\S+( \\S+)+");

    /** Words that make what follows them a person's name: "Defense Secretary Pete Hegseth". */
    private static final Set<String> PERSON_TITLES = Set.of("mr", "mrs", "ms", "dr", "sir", "president",
            "senator", "sen", "governor", "gov", "colonel", "col", "captain", "capt", "lieutenant", "lt", "sergeant",
            "sgt", "admiral", "adm", "commander", "cmdr", "minister", "secretary", "premier", "chancellor", "chairman",
            "chairwoman", "spokesman", "spokeswoman", "spokesperson", "ambassador", "secretary-general",
            "director-general", "under-secretary", "lt.", "adm.", "col.", "dr.", "mr.", "mrs.", "ms.", "sen.", "gov.",
            "capt.", "sgt.", "coach", "manager", "mayor", "judge", "general", "gen.", "gen", "sheriff", "father", "fr",
            "fr.", "rev", "rev.", "reverend", "bishop", "archbishop", "cardinal", "professor", "prof", "prof.",
            "detective", "inspector");

    /**
     * A name the tagger ran together with the title before it ("US Defense Secretary Pete Hegseth"
     * as one organisation, "Admiral Dong") becomes the person after the title. The rest must be
     * capitalised words that are no titles; a single word that WordNet knows as a common noun
     * (Dong, the currency) only when a person of the same text has it in their name.
     */
    private static List<Span> personsAfterTitles(int[] cp, List<Span> spans) {
        List<Span> out = new ArrayList<>(spans.size());
        List<Span> single = new ArrayList<>();
        for (Span span : spans) {
            Span person = afterTitle(cp, span);
            if (person == null && endsWithTitle(cp, span)) {
                continue; // "Japan's Chief Cabinet Secretary", "Defense Secretary": an office, no name
            }
            if (person == null) {
                out.add(span);
            } else if (text(cp, person).indexOf(' ') < 0
                    && (WordNetNames.get().of(text(cp, person)) & WordNetNames.COMMON) != 0) {
                single.add(span);
                out.add(span);
            } else {
                out.add(person);
            }
        }
        if (!single.isEmpty()) {
            Set<String> personWords = new java.util.HashSet<>();
            for (Span s : out) {
                if (s.type() == EntityType.PERSON) {
                    personWords.addAll(List.of(text(cp, s).split(" ")));
                }
            }
            for (Span span : single) {
                Span person = afterTitle(cp, span);
                if (personWords.contains(text(cp, person))) {
                    out.set(out.indexOf(span), person);
                }
            }
        }
        return out;
    }

    private static boolean endsWithTitle(int[] cp, Span span) {
        String surface = text(cp, span);
        String last = surface.substring(surface.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
        return surface.indexOf(' ') > 0 && PERSON_TITLES.contains(last);
    }

    /** The capitalised words after the last person title inside {@code span}, or {@code null}. */
    private static Span afterTitle(int[] cp, Span span) {
        String surface = text(cp, span);
        if (!SINGLE_SPACED.matcher(surface).matches()) {
            return null;
        }
        String[] words = surface.split(" ");
        int title = -1;
        for (int i = 0; i < words.length - 1; i++) {
            if (PERSON_TITLES.contains(words[i].toLowerCase(Locale.ROOT))) {
                title = i;
            }
        }
        if (title < 0) {
            return null;
        }
        int first = title + 1;
        while (first < words.length - 1 && (words[first].equals("of") || words[first].equals("the")
                || ENGLISH_TITLES.contains(words[first].toLowerCase(Locale.ROOT)))) {
            first++;
        }
        int rest = words.length - first;
        if (rest > 4) {
            return null;
        }
        for (int i = first; i < words.length; i++) {
            String w = words[i];
            if (!Character.isUpperCase(w.codePointAt(0)) || ENGLISH_TITLES.contains(w.toLowerCase(Locale.ROOT))) {
                return null;
            }
        }
        int offset = 0;
        for (int i = 0; i < first; i++) {
            offset += words[i].codePointCount(0, words[i].length()) + 1;
        }
        return new Span(span.start() + offset, span.end(), EntityType.PERSON);
    }

    /** "Admiral Dong" → "Dong"; {@code null} when only titles are left ("Defense Minister"). */
    private static Span withoutLeadingTitles(int[] cp, Span span) {
        int start = span.start();
        while (start < span.end()) {
            int end = start;
            while (end < span.end() && !Character.isWhitespace(cp[end])) {
                end++;
            }
            String word = new String(cp, start, end - start).toLowerCase(Locale.ROOT);
            if (!ENGLISH_TITLES.contains(word) || end == span.end()) {
                break;
            }
            start = end;
            while (start < span.end() && Character.isWhitespace(cp[start])) {
                start++;
            }
        }
        String rest = new String(cp, start, span.end() - start).toLowerCase(Locale.ROOT);
        if (ENGLISH_TITLES.contains(rest)) {
            return null;
        }
        return start == span.start() ? span : new Span(start, span.end(), span.type());
    }

    private static String text(int[] cp, Span span) {
        return new String(cp, span.start(), span.length());
    }
}
