package dev.newswire.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeysTest {

    @Test
    void refusesTheKeyThatEnvExampleHolds() throws Exception {
        String example = Files.readAllLines(Path.of("..", ".env.example")).stream()
                .filter(l -> l.startsWith("NEWSWIRE_API_KEY=")).findFirst().orElseThrow()
                .substring("NEWSWIRE_API_KEY=".length());

        assertThatThrownBy(() -> ApiKeys.requireUsable(example)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the API key is the example value of .env.example or another placeholder");
    }

    @ParameterizedTest
    @ValueSource(strings = {"change-me-api-key", "CHANGE-ME-API-KEY", "changeme-changeme-changeme-changeme-1",
            "your-api-key-goes-here-and-it-is-long-enough", "<generate a random key of 32 characters>",
            "${NEWSWIRE_API_KEY}-is-not-interpolated-here-0123"})
    void refusesPlaceholders(String key) {
        assertThatThrownBy(() -> ApiKeys.requireUsable(key)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("placeholder");
    }

    @Test
    void refusesAKeyShorterThan32Characters() {
        assertThatThrownBy(() -> ApiKeys.requireUsable("k7Qx9mR2pL4vN8sT1wY6zB3cF5hJ0dG"))   // 31
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the API key has 31 characters, fewer than 32");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void refusesNoKey(String key) {
        assertThatThrownBy(() -> ApiKeys.requireUsable(key)).hasMessageStartingWith("no API key configured");
        assertThatThrownBy(() -> ApiKeys.requireUsable(null)).hasMessageStartingWith("no API key configured");
    }

    @Test
    void refusesALongKeyOfFewCharacters() {
        assertThatThrownBy(() -> ApiKeys.requireUsable("a".repeat(40))).hasMessageContaining("must be random");
    }

    @Test
    void theMessageNeverQuotesTheKey() {
        String key = "short-" + UUID.randomUUID().toString().substring(0, 8);
        assertThatThrownBy(() -> ApiKeys.requireUsable(key)).message().doesNotContain(key);
    }

    @Test
    void acceptsTheKeysTheCliAndTheTestsGenerate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String cli = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);   // StackLayout.apiKey
        String tests = "it-key-" + UUID.randomUUID();
        String e2e = "e2e-" + UUID.randomUUID();

        assertThat(ApiKeys.requireUsable(cli + "\n")).isEqualTo(cli);
        assertThat(ApiKeys.requireUsable(tests)).isEqualTo(tests);
        assertThat(ApiKeys.requireUsable(e2e)).isEqualTo(e2e);
    }
}
