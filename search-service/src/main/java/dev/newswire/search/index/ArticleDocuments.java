package dev.newswire.search.index;

import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.Entity;
import dev.newswire.model.EntityType;
import dev.newswire.model.TopicMatch;
import dev.newswire.runtime.stream.MalformedEventException;
import dev.newswire.search.text.Segmenter;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an {@link EnrichedArticle} into its {@link ArticleDocument}. Cross-lingual search rests here: the
 * entities' canonical names and aliases and the topics' labels in every language are indexed with the
 * article, so an English query finds a Japanese article through them and a Japanese name finds English
 * articles about the same person.
 */
@Singleton
public class ArticleDocuments {

    /** Topic facet labels are given in English, the language every topic definition has. */
    private static final String FACET_LABEL_LANGUAGE = "en";

    /** Most times an entity's names are repeated in the name fields (see {@link #toDocument}). */
    static final int MAX_NAME_WEIGHT = 5;

    private final Segmenter segmenter;

    public ArticleDocuments(Segmenter segmenter) {
        this.segmenter = segmenter;
    }

    /**
     * The document for an article.
     *
     * @throws MalformedEventException if the article lacks what every document needs (its id)
     */
    public ArticleDocument toDocument(EnrichedArticle article) {
        if (article.id() == null || article.id().isBlank()) {
            throw new MalformedEventException("article has no id");
        }
        boolean segmented = Segmenter.segments(article.language());
        EntityFields persons = new EntityFields();
        EntityFields organizations = new EntityFields();
        EntityFields places = new EntityFields();
        List<String> names = new ArrayList<>();
        List<String> nameWords = new ArrayList<>();
        for (Entity entity : nonNull(article.entities())) {
            if (entity == null || entity.name() == null || entity.type() == null) {
                continue;
            }
            String id = entity.id() == null ? entity.type().name().toLowerCase() + "/" + entity.name() : entity.id();
            Set<String> entityNames = new LinkedHashSet<>();
            Set<String> entityWords = new LinkedHashSet<>();
            entityNames.add(entity.name());
            addWords(entityWords, entity.name(), article.language());
            if (entity.aliases() != null) {
                for (Map.Entry<String, List<String>> byLanguage : entity.aliases().entrySet()) {
                    for (String alias : nonNull(byLanguage.getValue())) {
                        if (alias != null && !alias.isBlank()) {
                            entityNames.add(alias);
                            addWords(entityWords, alias, byLanguage.getKey());
                        }
                    }
                }
            }
            // An entity's names count once per mention (up to a cap): the field has no length norms, so an
            // article that names a person four times ranks above one that names them in passing, however
            // many other entities either has.
            int weight = Math.min(MAX_NAME_WEIGHT, Math.max(1, nonNull(entity.mentions()).size()));
            for (int i = 0; i < weight; i++) {
                names.addAll(entityNames);
                nameWords.addAll(entityWords);
            }
            fieldsFor(entity.type(), persons, organizations, places).add(id, entity.name(), entityNames);
        }

        Set<String> topicIds = new LinkedHashSet<>();
        Set<String> topicKeys = new LinkedHashSet<>();
        Set<String> topicLabels = new LinkedHashSet<>();
        Set<String> topicLabelWords = new LinkedHashSet<>();
        for (TopicMatch topic : nonNull(article.topics())) {
            if (topic == null || topic.id() == null) {
                continue;
            }
            Map<String, String> labels = topic.labels() == null ? Map.of() : topic.labels();
            topicIds.add(topic.id());
            topicKeys.add(FacetKeys.join(topic.id(), facetLabel(topic.id(), labels)));
            labels.forEach((language, label) -> {
                if (label != null && !label.isBlank()) {
                    topicLabels.add(label);
                    addWords(topicLabelWords, label, language);
                }
            });
        }

        String sourceId = article.sourceId() != null ? article.sourceId() : article.sourceName();
        SearchFields search = new SearchFields(
                published(article),
                segmented ? segmenter.segment(article.title(), article.language()) : null,
                segmented ? segmenter.segment(article.body(), article.language()) : null,
                names, nameWords,
                List.copyOf(topicLabels), List.copyOf(topicLabelWords),
                List.copyOf(topicIds), List.copyOf(topicKeys),
                persons.ids(), persons.keys(), persons.names(),
                organizations.ids(), organizations.keys(), organizations.names(),
                places.ids(), places.keys(), places.names(),
                sourceId == null ? null : FacetKeys.join(sourceId, article.sourceName()));
        return new ArticleDocument(article, search);
    }

    /** The time an article is filtered, sorted and bucketed by. */
    static Instant published(EnrichedArticle article) {
        if (article.publishedAt() != null) {
            return article.publishedAt();
        }
        return article.fetchedAt() != null ? article.fetchedAt() : article.enrichedAt();
    }

    private static String facetLabel(String id, Map<String, String> labels) {
        String label = labels.get(FACET_LABEL_LANGUAGE);
        if (label == null) {
            label = labels.values().stream().filter(l -> l != null && !l.isBlank()).findFirst().orElse(id);
        }
        return label;
    }

    /** Names in Han or kana also get a segmented form, so that word-level phrases find them. */
    private void addWords(Set<String> words, String text, String language) {
        if (Segmenter.hasCjk(text)) {
            words.add(segmenter.segment(text, language));
        }
    }

    private static EntityFields fieldsFor(EntityType type, EntityFields persons, EntityFields organizations,
                                          EntityFields places) {
        return switch (type) {
            case PERSON -> persons;
            case ORGANIZATION -> organizations;
            case PLACE -> places;
        };
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** Ids, facet keys and names of the entities of one type. */
    private static final class EntityFields {
        private final Set<String> ids = new LinkedHashSet<>();
        private final Set<String> keys = new LinkedHashSet<>();
        private final Set<String> names = new LinkedHashSet<>();

        void add(String id, String name, Set<String> allNames) {
            ids.add(id);
            keys.add(FacetKeys.join(id, name));
            names.addAll(allNames);
        }

        List<String> ids() {
            return new ArrayList<>(ids);
        }

        List<String> keys() {
            return new ArrayList<>(keys);
        }

        List<String> names() {
            return new ArrayList<>(names);
        }
    }
}
