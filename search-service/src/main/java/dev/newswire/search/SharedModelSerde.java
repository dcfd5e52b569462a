package dev.newswire.search;

import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.Entity;
import dev.newswire.model.EntityType;
import dev.newswire.model.IngestMethod;
import dev.newswire.model.Mention;
import dev.newswire.model.TopicMatch;
import io.micronaut.serde.annotation.SerdeImport;
import io.micronaut.serde.annotation.Serdeable;

/** Registers the shared-model event records with Micronaut Serde (they carry Jackson annotations only). */
@SerdeImport(value = EnrichedArticle.class, mixin = SharedModelSerde.InstantsAsText.class)
@SerdeImport(Entity.class)
@SerdeImport(Mention.class)
@SerdeImport(TopicMatch.class)
@SerdeImport(EntityType.class)
@SerdeImport(IngestMethod.class)
final class SharedModelSerde {

    private SharedModelSerde() {
    }

    /**
     * The records mark their instants {@code @JsonFormat(shape = STRING)} for Jackson; Serde writes
     * instants as ISO-8601 text anyway but its compile-time check rejects the {@code shape} attribute.
     */
    @Serdeable(validate = false)
    interface InstantsAsText {
    }
}
