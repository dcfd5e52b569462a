package dev.newswire.enrich;

import dev.newswire.enrich.extract.ExtractionStage;
import dev.newswire.enrich.language.LanguageIdentifier;
import dev.newswire.enrich.language.LanguageStage;
import dev.newswire.model.EnrichedArticle;
import dev.newswire.model.RawArticle;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The enrichment: stages applied in order to a raw article. The stream service and the offline CLI
 * build the same chain, so an article enriches alike in both.
 *
 * <pre>{@code
 * EnrichmentChain chain = EnrichmentChain.core()      // extraction, then language
 *         .add(entityStage)                            // further stages, e.g. from enrich-tagging
 *         .build();
 * EnrichedArticle enriched = chain.enrich(raw);
 * }</pre>
 *
 * Thread-safe when its stages are (the core stages are).
 */
public final class EnrichmentChain {

    /**
     * Version of the enrichment, stamped on every {@link EnrichedArticle#enricherVersion()}. Raise it
     * when a stage changes what it produces, so consumers can tell articles enriched before from after.
     */
    public static final String VERSION = "0.1.0";

    private final List<EnrichmentStage> stages;
    private final Clock clock;

    private EnrichmentChain(List<EnrichmentStage> stages, Clock clock) {
        this.stages = List.copyOf(stages);
        this.clock = clock;
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding the core stages, extraction then language identification, with a lazily loaded model. */
    public static Builder core() {
        return core(LanguageIdentifier.create());
    }

    /** The core stages with the given language identifier (e.g. {@link LanguageIdentifier#preloaded()}). */
    public static Builder core(LanguageIdentifier identifier) {
        return builder().add(new ExtractionStage()).add(new LanguageStage(identifier));
    }

    /**
     * The raw article through every stage, stamped with the time and {@link #VERSION}.
     *
     * @throws dev.newswire.enrich.extract.NothingExtractableException when the article has no text
     */
    public EnrichedArticle enrich(RawArticle raw) {
        return apply(ArticleDraft.of(raw)).toEnriched(clock.instant(), VERSION);
    }

    /** The draft through every stage. */
    public ArticleDraft apply(ArticleDraft draft) {
        ArticleDraft current = draft;
        for (EnrichmentStage stage : stages) {
            current = stage.apply(current);
        }
        return current;
    }

    public List<EnrichmentStage> stages() {
        return stages;
    }

    public static final class Builder {

        private final List<EnrichmentStage> stages = new ArrayList<>();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Appends a stage: it runs after those added before it. */
        public Builder add(EnrichmentStage stage) {
            stages.add(Objects.requireNonNull(stage, "stage"));
            return this;
        }

        public Builder addAll(List<? extends EnrichmentStage> more) {
            more.forEach(this::add);
            return this;
        }

        /** The clock of {@link EnrichedArticle#enrichedAt()}; the system UTC clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public EnrichmentChain build() {
            return new EnrichmentChain(stages, clock);
        }
    }
}
