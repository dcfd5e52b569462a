package dev.newswire.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SearchCursorTest {

    private final SearchCursor cursor = new SearchCursor(Sort.RELEVANCE, "0123456789abcdef", 12.5, 1763337600000L,
            "a|b-id");

    @Test
    void roundTrips() {
        assertThat(SearchCursor.decode(cursor.encode())).contains(cursor);
    }

    @Test
    void isOpaqueUrlSafeText() {
        assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void anEditedCursorIsRefused() {
        String text = new String(Base64.getUrlDecoder().decode(cursor.encode()), StandardCharsets.UTF_8);
        String edited = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(text.replace("12.5", "99.5").getBytes(StandardCharsets.UTF_8));

        assertThat(SearchCursor.decode(edited)).isEmpty();
    }

    @Test
    void garbageIsRefused() {
        assertThat(SearchCursor.decode("not a cursor!")).isEmpty();
        assertThat(SearchCursor.decode("bm90IGEgY3Vyc29y")).isEmpty();
        assertThat(SearchCursor.decode("")).isEmpty();
        assertThat(SearchCursor.decode("A".repeat(5000))).isEmpty();
    }
}
