package dev.newswire.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EventContractsTest {

    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    static RawArticle raw() {
        String url = "https://www.kangnamtimes.com/news/articleView.html?idxno=1";
        return new RawArticle(ArticleIds.forUrl(url), url, ArticleIds.canonicalize(url), "kangnamtimes",
                "Kangnam Times", Instant.parse("2026-11-17T03:00:00Z"), Instant.parse("2026-11-17T01:00:00Z"),
                "text/plain", "米国と中国の軍当局が…", "米中関係", null, "ja", IngestMethod.PUSH);
    }

    static EnrichedArticle enriched() {
        RawArticle r = raw();
        Entity hegseth = new Entity("person/pete-hegseth", "Pete Hegseth", EntityType.PERSON,
                List.of(new Mention("ピート・ヘグセス", "body", 10, 18)), Map.of("ja", List.of("ピート・ヘグセス")));
        return new EnrichedArticle(r.id(), r.url(), r.canonicalUrl(), r.sourceId(), r.sourceName(),
                r.ingestMethod(), r.fetchedAt(), "米中関係", "竹内智子", List.of("竹内智子"), r.publishedAt(), "ja",
                "第一段落\n\n第二段落", "第一段落", List.of("軍事対話"), List.of(hegseth),
                List.of(new TopicMatch("us-china-military-dialogue",
                        Map.of("en", "US–China military dialogue", "ja", "米中軍事対話"), 3.5)),
                "0123456789abcdef", null, Instant.parse("2026-11-17T03:00:01Z"), "0.1.0");
    }

    @Test
    void rawArticleSurvivesJsonRoundTrip() throws IOException {
        RawArticle r = raw();
        assertThat(json.readValue(json.writeValueAsString(r), RawArticle.class)).isEqualTo(r);
    }

    @Test
    void enrichedArticleSurvivesJsonRoundTrip() throws IOException {
        EnrichedArticle e = enriched();
        assertThat(json.readValue(json.writeValueAsString(e), EnrichedArticle.class)).isEqualTo(e);
    }

    @Test
    void unknownFieldsAreIgnoredOnRead() throws IOException {
        ObjectNode node = json.valueToTree(enriched());
        node.put("fieldFromTheFuture", 42);
        ((ObjectNode) node.withArray("entities").get(0)).put("wikidata", "Q123");
        assertThat(json.treeToValue(node, EnrichedArticle.class)).isEqualTo(enriched());
    }

    @Test
    void datesAreWrittenAsIsoStrings() {
        JsonNode node = json.valueToTree(raw());
        assertThat(node.get("fetchedAt").asText()).isEqualTo("2026-11-17T03:00:00Z");
    }

    @Test
    void rawArticleSchemaNamesExactlyTheRecordFields() throws IOException {
        assertThat(schemaProperties("RawArticle.v1")).isEqualTo(recordFields(RawArticle.class));
    }

    @Test
    void enrichedArticleSchemaNamesExactlyTheRecordFields() throws IOException {
        assertThat(schemaProperties("EnrichedArticle.v1")).isEqualTo(recordFields(EnrichedArticle.class));
        JsonNode entity = schema("EnrichedArticle.v1").at("/properties/entities/items/properties");
        assertThat(fieldNames(entity)).isEqualTo(recordFields(Entity.class));
        assertThat(fieldNames(entity.at("/mentions/items/properties"))).isEqualTo(recordFields(Mention.class));
        assertThat(fieldNames(schema("EnrichedArticle.v1").at("/properties/topics/items/properties")))
                .isEqualTo(recordFields(TopicMatch.class));
    }

    @Test
    void serializedEventsValidateAgainstTheirSchemas() throws IOException {
        assertThat(validator("RawArticle.v1").validate(json.valueToTree(raw()))).isEmpty();
        assertThat(validator("EnrichedArticle.v1").validate(json.valueToTree(enriched()))).isEmpty();
    }

    @Test
    void schemaRejectsAnEventWithoutId() throws IOException {
        ObjectNode node = json.valueToTree(raw());
        node.remove("id");
        assertThat(validator("RawArticle.v1").validate(node)).isNotEmpty();
    }

    private JsonSchema validator(String name) throws IOException {
        try (InputStream in = schemaStream(name)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private JsonNode schema(String name) throws IOException {
        try (InputStream in = schemaStream(name)) {
            return json.readTree(in);
        }
    }

    private static InputStream schemaStream(String name) {
        return EventContractsTest.class.getResourceAsStream("/schemas/" + name + ".schema.json");
    }

    private Set<String> schemaProperties(String name) throws IOException {
        return fieldNames(schema(name).get("properties"));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> recordFields(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).collect(Collectors.toSet());
    }
}
