package dev.newswire.enrich.tagging;

import dev.newswire.enrich.EnrichmentStage;
import dev.newswire.enrich.dedup.InMemoryNearDuplicateIndex;
import dev.newswire.enrich.dedup.NearDuplicateIndex;
import dev.newswire.enrich.dedup.SimHashStage;
import dev.newswire.enrich.entities.EnglishNer;
import dev.newswire.enrich.entities.EntityStage;
import dev.newswire.enrich.entities.Gazetteer;
import dev.newswire.enrich.entities.JapaneseNer;
import dev.newswire.enrich.entities.NamedEntityRecognizer;
import dev.newswire.enrich.keywords.KeywordStage;
import dev.newswire.enrich.topics.TopicMatcher;
import dev.newswire.enrich.topics.TopicStage;
import java.util.List;

/**
 * The tagging stages, to append to the core chain (extraction, language):
 * entities → topics → keywords and summary → SimHash. Loading reads the gazetteer, the two NER
 * models and the topic catalogue (about 40 MB of heap); load once and share: the stages are
 * thread-safe.
 */
public final class Tagging {

    private final Gazetteer gazetteer;
    private final JapaneseNer japanese;
    private final EnglishNer english;
    private final TopicMatcher topics;

    private Tagging(Gazetteer gazetteer, JapaneseNer japanese, EnglishNer english, TopicMatcher topics) {
        this.gazetteer = gazetteer;
        this.japanese = japanese;
        this.english = english;
        this.topics = topics;
    }

    public static Tagging load() {
        Gazetteer gazetteer = Gazetteer.load();
        return new Tagging(gazetteer, JapaneseNer.load(gazetteer), EnglishNer.load(gazetteer), TopicMatcher.load());
    }

    /** The stages in order, with near-duplicates looked up in {@code index}. */
    public List<EnrichmentStage> stages(NearDuplicateIndex index) {
        return List.of(new EntityStage(gazetteer, japanese, english), new TopicStage(topics), new KeywordStage(),
                new SimHashStage(index));
    }

    /** The stages in order, with a bounded in-memory near-duplicate index of their own. */
    public List<EnrichmentStage> stages() {
        return stages(new InMemoryNearDuplicateIndex());
    }

    /**
     * Only the tagger of one language, for {@code ./newswire ner}: loads one model and the
     * gazetteer, nothing else, so the command starts fast.
     */
    public static NamedEntityRecognizer recognizer(String language) {
        Gazetteer gazetteer = Gazetteer.load();
        return switch (language) {
            case "ja" -> JapaneseNer.load(gazetteer);
            case "en" -> EnglishNer.load(gazetteer);
            default -> throw new IllegalArgumentException("no NER model for language " + language + " (ja, en)");
        };
    }
}
