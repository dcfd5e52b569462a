package dev.newswire.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

class SourceRegistryTest {

    private final SourceRegistry registry = new SourceRegistry(new SourceProperties());

    @Test
    void readsTheSourcesFile() throws Exception {
        List<SourceSpec> specs = SourcesFile.read(new ByteArrayResource("""
                sources:
                  - id: example-news
                    name: Example News
                    url: https://news.example/feed.xml
                    interval: 30m
                    fetchPages: false
                    language: en
                  - url: https://blog.example:8443/atom
                    interval: 600
                    enabled: false
                """.getBytes(StandardCharsets.UTF_8)));
        for (SourceSpec spec : specs) {
            registry.add(spec, FeedSource.Origin.FILE);
        }

        FeedSource first = registry.get("example-news").orElseThrow().definition();
        assertThat(first.interval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(first.fetchPages()).isFalse();
        assertThat(first.language()).isEqualTo("en");
        FeedSource second = registry.get("blog.example-8443-atom").orElseThrow().definition();
        assertThat(second.interval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(second.fetchPages()).isTrue();
        assertThat(second.enabled()).isFalse();
        assertThat(second.origin()).isEqualTo(FeedSource.Origin.FILE);
    }

    @Test
    void theBundledSourcesFileListsNone() throws Exception {
        assertThat(SourcesFile.read(new ClassPathResource("sources.yml"))).isEmpty();
    }

    @Test
    void namesEveryBadField() {
        assertThatThrownBy(() -> registry.add(new SourceSpec("Bad Id!", "n", "ftp://x/feed", "5s", null, "english",
                null), FeedSource.Origin.API))
                .isInstanceOfSatisfying(InvalidSourceException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("id", "url", "interval", "language"));
    }

    @Test
    void refusesATakenId() throws Exception {
        registry.add(new SourceSpec("a", null, "https://a.example/feed", null, null, null, null), FeedSource.Origin.API);

        assertThatThrownBy(() -> registry.add(new SourceSpec("a", null, "https://b.example/feed", null, null, null,
                null), FeedSource.Origin.API))
                .isInstanceOfSatisfying(InvalidSourceException.class, e -> assertThat(e.fieldErrors().get("id"))
                        .contains("exists already"));
    }

    @Test
    void replacingASourceNotifiesRemovalThenAddition() throws Exception {
        List<String> events = new ArrayList<>();
        registry.onAdded(s -> events.add("added " + s.definition().url()));
        registry.onRemoved(s -> events.add("removed " + s.definition().url()));
        registry.add(new SourceSpec("a", null, "https://a.example/feed", null, null, null, null), FeedSource.Origin.API);

        registry.put("a", new SourceSpec(null, null, "https://a.example/v2", null, null, null, null),
                FeedSource.Origin.API);

        assertThat(events).containsExactly("added https://a.example/feed", "removed https://a.example/feed",
                "added https://a.example/v2");
        assertThat(registry.all()).hasSize(1);
    }
}
