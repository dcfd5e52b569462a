package dev.newswire.ingest.api;

import java.util.List;
import java.util.Locale;

/**
 * Which API keys the service accepts to run with: at least {@link #MIN_LENGTH} characters, not the
 * example value of {@code .env.example} and no obvious placeholder. A deployment copied from the example
 * without changing the key would otherwise run with a key anyone can read in the repository.
 */
public final class ApiKeys {

    /** Shortest key accepted: 32 characters (the CLI generates 43, from 32 random bytes). */
    public static final int MIN_LENGTH = 32;

    /** The value {@code .env.example} holds, and parts of any other placeholder. */
    static final String EXAMPLE_KEY = "change-me-api-key";
    private static final List<String> PLACEHOLDERS = List.of("change-me", "changeme", "change_me", "replace-me",
            "replaceme", "example", "placeholder", "your-api-key", "your_api_key", "secret-key", "xxxxxxxx",
            "<", ">", "${");

    private ApiKeys() {
    }

    /**
     * Checks a configured key.
     *
     * @return the key, stripped
     * @throws IllegalStateException naming what is wrong with it (never the key itself)
     */
    public static String requireUsable(String key) {
        if (key == null || key.isBlank()) {
            throw refused("no API key configured");
        }
        String k = key.strip();
        String lower = k.toLowerCase(Locale.ROOT);
        if (lower.equals(EXAMPLE_KEY) || PLACEHOLDERS.stream().anyMatch(lower::contains)) {
            throw refused("the API key is the example value of .env.example or another placeholder");
        }
        if (k.length() < MIN_LENGTH) {
            throw refused("the API key has " + k.length() + " characters, fewer than " + MIN_LENGTH);
        }
        if (k.chars().distinct().count() < 8) {
            throw refused("the API key repeats a few characters; it must be random");
        }
        return k;
    }

    private static IllegalStateException refused(String why) {
        return new IllegalStateException(why + ": set NEWSWIRE_API_KEY (newswire.api.key) to a random key of at least "
                + MIN_LENGTH + " characters, e.g. the output of 'openssl rand -base64 32'; the ingest API is never"
                + " served without one");
    }
}
