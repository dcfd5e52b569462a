package dev.newswire.enrich.entities;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newswire.model.EntityType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The NER development sets of {@code ../shared/eval}, read into sentences with code point spans,
 * and the document-wise split used to report held-out figures.
 */
public final class NerCorpus {

    /**
     * A text line with its gold names and the document it comes from.
     *
     * @param spans  the scored names (person, organisation, place)
     * @param tagged every name with a {@link Bio} type index, the unscored types too
     */
    public record Sentence(String text, List<Span> spans, List<Bio.Tagged> tagged, String document) {
    }

    private static final Map<String, Integer> STOCKMARK_TYPES = Map.of(
            "人名", EntityType.PERSON.ordinal(),
            "法人名", EntityType.ORGANIZATION.ordinal(),
            "政治的組織名", EntityType.ORGANIZATION.ordinal(),
            "その他の組織名", EntityType.ORGANIZATION.ordinal(),
            "地名", EntityType.PLACE.ordinal(),
            "施設名", 3,
            "製品名", 4,
            "イベント名", 5);

    private static final Map<String, Integer> CONLL_TYPES = Map.of(
            "PER", EntityType.PERSON.ordinal(), "ORG", EntityType.ORGANIZATION.ordinal(),
            "LOC", EntityType.PLACE.ordinal(), "MISC", 3);

    private NerCorpus() {
    }

    /** The {@link Bio} type index of a CoNLL type (PER, ORG, LOC, MISC). */
    static int conllType(String type) {
        Integer index = CONLL_TYPES.get(type);
        if (index == null) {
            throw new IllegalArgumentException("not a CoNLL type: " + type);
        }
        return index;
    }

    public static Path japanese(Path sharedDir) {
        return sharedDir.resolve("eval/ner-ja-stockmark/ner-dev.json");
    }

    public static Path english(Path sharedDir) {
        return sharedDir.resolve("eval/ner-en-wikigold/wikigold-dev.conll.txt");
    }

    /** stockmark's JSON: spans are in code points already; types outside the three are dropped. */
    public static List<Sentence> readStockmark(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        List<Sentence> sentences = new ArrayList<>();
        for (JsonNode item : root) {
            List<Bio.Tagged> tagged = new ArrayList<>();
            for (JsonNode entity : item.path("entities")) {
                Integer type = STOCKMARK_TYPES.get(entity.path("type").asText());
                if (type != null) {
                    tagged.add(new Bio.Tagged(entity.path("span").get(0).asInt(), entity.path("span").get(1).asInt(), type));
                }
            }
            sentences.add(sentence(item.path("text").asText(), tagged, item.path("curid").asText()));
        }
        return sentences;
    }

    /**
     * CoNLL with {@code token I-TYPE}: each sentence becomes its tokens joined by single spaces, and
     * a run of one type is one name. MISC is not scored and is dropped.
     */
    public static List<Sentence> readConll(Path file) throws IOException {
        List<Sentence> sentences = new ArrayList<>();
        int document = -1;
        StringBuilder text = new StringBuilder();
        List<Bio.Tagged> spans = new ArrayList<>();
        Integer open = null;
        int openStart = 0;
        int openEnd = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] parts = line.trim().split("\\s+");
            if (line.isBlank() || parts[0].equals("-DOCSTART-")) {
                if (open != null) {
                    spans.add(new Bio.Tagged(openStart, openEnd, open));
                    open = null;
                }
                if (text.length() > 0) {
                    sentences.add(sentence(text.toString(), spans, "doc" + document));
                }
                text.setLength(0);
                spans.clear();
                if (!line.isBlank()) {
                    document++;
                }
                continue;
            }
            String tag = parts[parts.length - 1];
            Integer type = tag.length() > 2 ? CONLL_TYPES.get(tag.substring(2)) : null;
            boolean begins = tag.startsWith("B-");
            if (open != null && (!open.equals(type) || begins)) {
                spans.add(new Bio.Tagged(openStart, openEnd, open));
                open = null;
            }
            if (text.length() > 0) {
                text.append(' ');
            }
            int start = text.codePointCount(0, text.length());
            text.append(parts[0]);
            int end = text.codePointCount(0, text.length());
            if (type != null) {
                if (open == null) {
                    open = type;
                    openStart = start;
                }
                openEnd = end;
            }
        }
        if (open != null) {
            spans.add(new Bio.Tagged(openStart, openEnd, open));
        }
        if (text.length() > 0) {
            sentences.add(sentence(text.toString(), spans, "doc" + document));
        }
        return sentences;
    }

    /**
     * The sentences of each document joined into one text, a line each, in the order of the file:
     * how an article reaches the tagger (a sentence's first word follows the full stop before it).
     */
    public static List<Sentence> byDocument(List<Sentence> sentences) {
        Map<String, List<Sentence>> documents = new LinkedHashMap<>();
        for (Sentence s : sentences) {
            documents.computeIfAbsent(s.document(), d -> new ArrayList<>()).add(s);
        }
        List<Sentence> joined = new ArrayList<>(documents.size());
        for (Map.Entry<String, List<Sentence>> document : documents.entrySet()) {
            StringBuilder text = new StringBuilder();
            List<Bio.Tagged> tagged = new ArrayList<>();
            int offset = 0;
            for (Sentence s : document.getValue()) {
                if (text.length() > 0) {
                    text.append('\n');
                    offset++;
                }
                text.append(s.text());
                for (Bio.Tagged t : s.tagged()) {
                    tagged.add(new Bio.Tagged(t.start() + offset, t.end() + offset, t.type()));
                }
                offset += s.text().codePointCount(0, s.text().length());
            }
            joined.add(sentence(text.toString(), tagged, document.getKey()));
        }
        return joined;
    }

    static Sentence sentence(String text, List<Bio.Tagged> tagged, String document) {
        List<Span> spans = new ArrayList<>();
        for (Bio.Tagged t : tagged) {
            if (t.type() < EntityType.values().length) {
                spans.add(new Span(t.start(), t.end(), EntityType.values()[t.type()]));
            }
        }
        return new Sentence(text, List.copyOf(spans), List.copyOf(tagged), document);
    }

    /** The 20 % of documents held out for the reported figures (a fixed function of the id). */
    public static boolean heldOut(String document) {
        return fold(document) == 0;
    }

    /** The document's fold of five (fold 0 is the held-out part). */
    static int fold(String document) {
        return Math.floorMod(FeatureHash.string("split:" + document), 5);
    }
}
