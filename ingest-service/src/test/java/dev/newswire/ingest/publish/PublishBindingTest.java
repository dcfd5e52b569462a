package dev.newswire.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newswire.model.Topics;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The topic is spelled in application.yml (bindings belong there); it must be the one of shared-model. */
class PublishBindingTest {

    @Test
    void theOutputBindingsDestinationIsTheRawTopic() throws Exception {
        JsonNode yml;
        try (InputStream in = getClass().getResourceAsStream("/application.yml")) {
            yml = YAMLMapper.builder().build().readTree(in);
        }
        String binding = yml.at("/newswire/publish/binding").asString();

        assertThat(binding).isEqualTo(new PublishProperties().getBinding());
        assertThat(yml.at("/spring/cloud/stream/output-bindings").asString()).isEqualTo(binding);
        assertThat(yml.at("/spring/cloud/stream/bindings/" + binding + "/destination").asString()).isEqualTo(Topics.RAW);
        assertThat(yml.at("/spring/cloud/stream/kafka/binder/producer-properties/acks").asString()).isEqualTo("all");
        assertThat(yml.at("/spring/cloud/stream/kafka/binder/producer-properties/enable.idempotence").asBoolean())
                .isTrue();
    }

    @Test
    void languageTagsBecomeIso6391Codes() {
        assertThat(RawArticles.language("en-US")).isEqualTo("en");
        assertThat(RawArticles.language("pt_br")).isEqualTo("pt");
        assertThat(RawArticles.language("JA")).isEqualTo("ja");
        assertThat(RawArticles.language("eng")).isNull();
        assertThat(RawArticles.language("")).isNull();
    }
}
