package dev.newswire.enrich.entities;

import dev.newswire.enrich.ArticleDraft;
import dev.newswire.enrich.EnrichmentLimits;
import dev.newswire.enrich.EnrichmentStage;
import dev.newswire.model.Entity;
import dev.newswire.model.EntityType;
import dev.newswire.model.Mention;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code entities}: the names in the body and title, found by the tagger of the article's
 * language plus the gazetteer and the title patterns, linked to canonical entities. A name the
 * gazetteer knows takes its id and English name; a name it does not know takes an id from its
 * English form where the text gives one in brackets (アルバロ・スミス氏(Alvaro Smith)), else from
 * its surface; a short form (ヘグセス長官, スミス副次官補, 董国防部長) joins the full name met in
 * the same article.
 *
 * <p>Reads the body's first {@link EnrichmentLimits#MAX_TAGGED_CHARS} characters, takes no name
 * longer than {@link EnrichmentLimits#MAX_NAME_CHARS} and lists at most
 * {@link EnrichmentLimits#MAX_MENTIONS_PER_ENTITY} mentions per entity and
 * {@link EnrichmentLimits#MAX_MENTIONS} per article, so that neither its time nor the event's size
 * grows without bound with the page.
 */
public final class EntityStage implements EnrichmentStage {

    private static final Pattern BRACKETED_LATIN = Pattern.compile(
            "^(?:氏|さん|[\\p{IsHan}\\p{IsKatakana}ー]{0,8})?[(（]\\s*([A-Z][\\p{L}.'’\\- ]{1,60}?)\\s*[)）]");

    /** Japanese country marks written before a name of an institution: 米国防総省 is 国防総省. */
    private static final List<String> COUNTRY_PREFIXES = List.of("米国", "米", "中国", "中", "英国", "英", "露", "韓国",
            "韓", "日本", "日", "台湾", "北朝鮮", "ロシア");

    private final Gazetteer gazetteer;
    private final JapaneseNer japanese;
    private final EnglishNer english;

    public EntityStage(Gazetteer gazetteer, JapaneseNer japanese, EnglishNer english) {
        this.gazetteer = gazetteer;
        this.japanese = japanese;
        this.english = english;
    }

    @Override
    public ArticleDraft apply(ArticleDraft draft) {
        String language = draft.language() == null ? "" : draft.language();
        Linker linker = new Linker(language);
        // Only the first EnrichmentLimits.MAX_TAGGED_CHARS of a longer body: offsets stay the body's.
        String body = draft.taggedBody();
        // The body first: its full names are what the title's short forms (ヘグセス, Hegseth) join.
        List<Span> bodySpans = body == null ? List.of() : spans(body, language);
        Set<String> notNames = body == null ? Set.of() : acronymsOfNonNames(body, bodySpans);
        bodySpans = without(body, bodySpans, notNames);
        if (body != null) {
            linker.add("body", body, bodySpans);
        }
        if (draft.title() != null) {
            List<Span> titleSpans = isTitleCase(draft.title(), language)
                    ? namesFromBody(draft.title(), body, bodySpans)
                    : spans(draft.title(), language);
            linker.add("title", draft.title(), without(draft.title(), titleSpans, notNames));
        }
        return draft.withEntities(linker.entities());
    }

    /**
     * Acronyms the article defines after words that are no name (防衛政策調整対話(DPCT), Defense
     * Policy Coordination Talks (DPCT)): a meeting or a policy, not an organisation or a person,
     * wherever the article repeats them. The gazetteer's acronyms (SCMP, NATO) are names.
     */
    private Set<String> acronymsOfNonNames(String text, List<Span> spans) {
        int[] cp = text.codePoints().toArray();
        Set<String> found = new HashSet<>();
        Set<String> looked = new HashSet<>();
        BitSet covered = covered(spans);
        for (Span span : spans) {
            String surface = new String(cp, span.start(), span.length());
            if (!SpanRules.isAcronym(surface) || !looked.add(surface) || gazetteer.lookup(surface).isPresent()) {
                continue;
            }
            // The definition may be an occurrence the tagger left out: look at each.
            for (String open : new String[] {"(", "（"}) {
                int counted = 0;
                int codePoints = 0;
                for (int at = text.indexOf(open + surface); at >= 0; at = text.indexOf(open + surface, at + 1)) {
                    codePoints += text.codePointCount(counted, at);
                    counted = at;
                    int before = codePoints - 1;
                    while (before > 0 && cp[before] == ' ') {
                        before--;
                    }
                    if (before >= 0 && !covered.get(before)) {
                        found.add(surface);
                    }
                }
            }
        }
        return found;
    }

    private static List<Span> without(String text, List<Span> spans, Set<String> surfaces) {
        if (surfaces.isEmpty()) {
            return spans;
        }
        int[] cp = text.codePoints().toArray();
        return spans.stream().filter(s -> !surfaces.contains(new String(cp, s.start(), s.length()))).toList();
    }

    /** "Hegseth And Dong Agree To Keep Channels Open": capitals tell nothing there. */
    static boolean isTitleCase(String title, String language) {
        if (!language.equals("en")) {
            return false;
        }
        int words = 0;
        int capitalised = 0;
        for (String word : title.split("[^\\p{L}]+")) {
            if (word.length() >= 4) {
                words++;
                capitalised += Character.isUpperCase(word.codePointAt(0)) ? 1 : 0;
            }
        }
        return words >= 3 && capitalised >= 0.8 * words;
    }

    /**
     * In a title-case title: the gazetteer's names and the names the body has (a person's surname
     * too), nothing guessed.
     */
    private List<Span> namesFromBody(String title, String body, List<Span> bodySpans) {
        int[] cp = title.codePoints().toArray();
        List<Span> chosen = new ArrayList<>();
        List<Span> known = new ArrayList<>();
        for (Gazetteer.Match match : gazetteer.find(cp)) {
            known.add(new Span(match.start(), match.end(), match.entry().type()));
        }
        choose(chosen, known);
        List<Span> fromBody = new ArrayList<>();
        if (body != null) {
            int[] bodyCp = body.codePoints().toArray();
            String titleText = new String(cp, 0, cp.length);
            for (Span span : bodySpans) {
                String full = new String(bodyCp, span.start(), span.length());
                List<String> names = new ArrayList<>(List.of(full));
                if (span.type() == EntityType.PERSON && full.contains(" ")) {
                    names.add(full.substring(full.lastIndexOf(' ') + 1));
                }
                for (String name : names) {
                    for (int at = titleText.indexOf(name); at >= 0 && name.length() > 1;
                         at = titleText.indexOf(name, at + 1)) {
                        int end = at + name.length();
                        boolean whole = (at == 0 || !Character.isLetterOrDigit(titleText.charAt(at - 1)))
                                && (end == titleText.length() || !Character.isLetterOrDigit(titleText.charAt(end)));
                        if (whole) {
                            int start = titleText.codePointCount(0, at);
                            fromBody.add(new Span(start, start + name.codePointCount(0, name.length()), span.type()));
                        }
                    }
                }
            }
        }
        choose(chosen, fromBody);
        chosen.sort(null);
        return chosen;
    }

    /**
     * Names in one field. The gazetteer's matches go first (curated and linked), then the tagger's
     * names that do not overlap them, then the title patterns'; within each, longest first.
     * Languages without a tagger (zh, ko, de, fr …) get the gazetteer's names only.
     */
    List<Span> spans(String text, String language) {
        int[] cp = text.codePoints().toArray();
        List<Span> chosen = new ArrayList<>();
        List<Span> gazetteerSpans = new ArrayList<>();
        for (Gazetteer.Match match : gazetteer.find(cp)) {
            // 国防部 of 董軍国防部長 is the head of a title, not the ministry.
            if (!NameRules.titleStartsAt(cp, match.start(), match.end())) {
                gazetteerSpans.add(new Span(match.start(), match.end(), match.entry().type()));
            }
        }
        choose(chosen, gazetteerSpans);
        if (language.equals("ja")) {
            choose(chosen, trimmed(cp, japanese.find(text)));
            choose(chosen, NameRules.titledPersons(text, gazetteer));
        } else if (language.equals("en")) {
            // Only English: German capitalises every noun, and other languages have no model yet.
            choose(chosen, trimmed(cp, english.find(text)));
            choose(chosen, SpanRules.titledSurnames(cp, chosen));
        }
        chosen.sort(null);
        return chosen;
    }

    private static void choose(List<Span> chosen, List<Span> candidates) {
        List<Span> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingInt(Span::length).reversed().thenComparingInt(Span::start));
        BitSet taken = covered(chosen);
        List<Span> empty = new ArrayList<>(chosen.stream().filter(s -> s.length() <= 0).toList());
        for (Span candidate : sorted) {
            boolean clash = candidate.length() > 0 ? overlaps(taken, candidate)
                    : chosen.stream().anyMatch(candidate::overlaps);
            if (!clash && empty.stream().noneMatch(candidate::overlaps)) {
                chosen.add(candidate);
                if (candidate.length() > 0) {
                    taken.set(candidate.start(), candidate.end());
                } else {
                    empty.add(candidate);
                }
            }
        }
    }

    /** The code points the spans cover. */
    static BitSet covered(List<Span> spans) {
        BitSet covered = new BitSet();
        for (Span s : spans) {
            if (s.length() > 0) {
                covered.set(s.start(), s.end());
            }
        }
        return covered;
    }

    /** Whether a non-empty span overlaps any covered code point. */
    static boolean overlaps(BitSet covered, Span span) {
        int next = covered.nextSetBit(span.start());
        return next >= 0 && next < span.end();
    }

    /** A name does not run across a bracket: cut it there (ポスト(SCMP → ポスト). */
    private static List<Span> trimmed(int[] cp, List<Span> spans) {
        List<Span> out = new ArrayList<>();
        for (Span span : spans) {
            int end = span.start();
            while (end < span.end() && !isBracket(cp[end])) {
                end++;
            }
            if (end - span.start() >= 1) {
                out.add(new Span(span.start(), end, span.type()));
            }
        }
        return out;
    }

    private static boolean isBracket(int c) {
        return c == '(' || c == ')' || c == '（' || c == '）' || c == '「' || c == '」' || c == '[' || c == ']';
    }

    /** Groups the mentions of one article into entities. */
    private final class Linker {
        private final String language;
        private final Map<String, Builder> byId = new LinkedHashMap<>();
        /** Mentions listed so far, of every entity. */
        private int mentions;

        Linker(String language) {
            this.language = language;
        }

        void add(String field, String text, List<Span> spans) {
            int[] cp = text.codePoints().toArray();
            for (Span span : spans) {
                if (mentions >= EnrichmentLimits.MAX_MENTIONS) {
                    return;
                }
                if (span.length() > EnrichmentLimits.MAX_NAME_CHARS) {
                    continue;
                }
                String surface = new String(cp, span.start(), span.length());
                String after = new String(cp, span.end(), Math.min(cp.length - span.end(), 80));
                Builder entity = link(surface, span.type(), after);
                if (entity == null) {
                    continue;
                }
                if (entity.mentions.size() < EnrichmentLimits.MAX_MENTIONS_PER_ENTITY) {
                    entity.mentions.add(new Mention(surface, field, span.start(), span.end()));
                    mentions++;
                }
                entity.alias(language, surface);
            }
        }

        private Builder link(String surface, EntityType type, String after) {
            Optional<GazetteerEntry> known = lookup(surface);
            if (known.isPresent()) {
                GazetteerEntry entry = known.get();
                return byId.computeIfAbsent(entry.id(), id -> new Builder(id, entry.name(), entry.type(), entry.aliases()));
            }
            if (type == EntityType.PERSON) {
                Builder fuller = fullerName(surface);
                if (fuller != null) {
                    return fuller;
                }
            }
            if (surface.codePointCount(0, surface.length()) == 1) {
                // One character is a name only as a short form of one met before (米, 董).
                return null;
            }
            String english = null;
            Matcher bracket = BRACKETED_LATIN.matcher(after);
            if (bracket.find()) {
                english = bracket.group(1).trim();
                Optional<GazetteerEntry> byEnglish = gazetteer.lookup(english);
                if (byEnglish.isPresent()) {
                    GazetteerEntry entry = byEnglish.get();
                    return byId.computeIfAbsent(entry.id(), id -> new Builder(id, entry.name(), entry.type(), entry.aliases()));
                }
            }
            String name = english != null ? english : surface;
            String id = prefix(type) + slug(name);
            Builder builder = byId.computeIfAbsent(id, x -> new Builder(x, name, type, Map.of()));
            if (english != null) {
                builder.alias("en", english);
            }
            return builder;
        }

        /** A surname or short form of a person already met: スミス → アルバロ・スミス, 董 → 董軍, Dong → Dong Jun. */
        private Builder fullerName(String surface) {
            for (Builder b : byId.values()) {
                if (b.type != EntityType.PERSON) {
                    continue;
                }
                for (Mention m : b.mentions) {
                    String full = m.text();
                    // Surname last (スミス, Hegseth) or, for Chinese and Korean names, first (董, Dong).
                    if (full.length() > surface.length()
                            && (full.endsWith("・" + surface) || full.endsWith(" " + surface)
                            || full.startsWith(surface + " ") || (isHan(surface) && full.startsWith(surface)))) {
                        return b;
                    }
                }
            }
            return null;
        }

        List<Entity> entities() {
            List<Entity> entities = new ArrayList<>();
            for (Builder b : byId.values()) {
                entities.add(new Entity(b.id, b.name, b.type, List.copyOf(b.mentions), b.aliases()));
            }
            return entities;
        }
    }

    private Optional<GazetteerEntry> lookup(String surface) {
        Optional<GazetteerEntry> known = gazetteer.lookup(surface);
        if (known.isPresent()) {
            return known;
        }
        for (String prefix : COUNTRY_PREFIXES) {
            if (surface.startsWith(prefix) && surface.length() > prefix.length() + 1) {
                known = gazetteer.lookup(surface.substring(prefix.length()));
                if (known.isPresent() && known.get().type() == EntityType.ORGANIZATION) {
                    return known;
                }
            }
        }
        if (surface.endsWith("'s") || surface.endsWith("’s")) {
            return gazetteer.lookup(surface.substring(0, surface.length() - 2));
        }
        return Optional.empty();
    }

    private static boolean isHan(String s) {
        return s.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static String prefix(EntityType type) {
        return switch (type) {
            case PERSON -> "person/";
            case ORGANIZATION -> "org/";
            case PLACE -> "place/";
        };
    }

    /** Lower-case words joined by hyphens; letters of any script are kept, so 葉江 stays 葉江. */
    static String slug(String name) {
        StringBuilder b = new StringBuilder();
        boolean dash = false;
        for (int c : java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .codePoints().toArray()) {
            if (Character.isLetterOrDigit(c)) {
                if (dash && b.length() > 0) {
                    b.append('-');
                }
                b.appendCodePoint(c);
                dash = false;
            } else {
                dash = true;
            }
        }
        return b.toString();
    }

    private static final class Builder {
        final String id;
        final String name;
        final EntityType type;
        final List<Mention> mentions = new ArrayList<>();
        final Map<String, List<String>> aliases = new LinkedHashMap<>();

        Builder(String id, String name, EntityType type, Map<String, List<String>> known) {
            this.id = id;
            this.name = name;
            this.type = type;
            known.forEach((lang, names) -> aliases.put(lang, new ArrayList<>(names)));
        }

        void alias(String language, String surface) {
            if (language == null || language.isEmpty()) {
                return;
            }
            List<String> names = aliases.computeIfAbsent(language, l -> new ArrayList<>());
            if (!names.contains(surface)) {
                names.add(surface);
            }
        }

        Map<String, List<String>> aliases() {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            aliases.forEach((lang, names) -> copy.put(lang, List.copyOf(names)));
            return copy;
        }
    }
}
