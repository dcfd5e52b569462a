package dev.newswire.ingest.source;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
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

    @Test
    void aChangeTheJournalDoesNotTakeIsNotMade() throws Exception {
        List<String> written = new ArrayList<>();
        boolean[] failing = {false};
        SourceJournal journal = new SourceJournal() {
            @Override
            public void saved(RegisteredSource source) {
                if (failing[0]) {
                    throw new SourceStoreException("broker away", null);
                }
                written.add("saved " + source.definition().id());
            }

            @Override
            public void removed(String id) {
                if (failing[0]) {
                    throw new SourceStoreException("broker away", null);
                }
                written.add("removed " + id);
            }

            @Override
            public void polled(RegisteredSource source) {
                written.add("polled " + source.definition().id());
            }
        };
        SourceRegistry journaled = new SourceRegistry(new SourceProperties(), journal);
        SourceSpec spec = new SourceSpec("kept", null, "https://news.example/feed.xml", null, null, null, null);
        RegisteredSource kept = journaled.add(spec, FeedSource.Origin.API);

        failing[0] = true;
        assertThatThrownBy(() -> journaled.add(new SourceSpec("lost", null, "https://news.example/other.xml", null, null,
                null, null), FeedSource.Origin.API)).isInstanceOf(SourceStoreException.class);
        assertThatThrownBy(() -> journaled.remove("kept")).isInstanceOf(SourceStoreException.class);
        assertThatThrownBy(() -> journaled.put("kept", new SourceSpec(null, null, "https://news.example/new.xml", null,
                null, null, null), FeedSource.Origin.API)).isInstanceOf(SourceStoreException.class);
        failing[0] = false;
        journaled.polled(kept);

        assertThat(journaled.get("lost")).isEmpty();
        assertThat(journaled.get("kept")).containsSame(kept);
        assertThat(written).containsExactly("saved kept", "polled kept");
    }

    @Test
    void storedStateIsRestoredOnlyForTheSameUrl() throws Exception {
        SourceRegistry restarted = new SourceRegistry(new SourceProperties());
        restarted.restoreFrom(Map.of(
                "same", new StoredSource(spec("same", "https://news.example/same.xml"), FeedSource.Origin.FILE, "\"e1\"",
                        "Tue, 01 Dec 2026 10:00:00 GMT", List.of("a", "b")),
                "moved", new StoredSource(spec("moved", "https://news.example/old.xml"), FeedSource.Origin.FILE, "\"e2\"",
                        null, List.of("c"))));

        SourceState same = restarted.add(new SourceSpec("same", null, "https://news.example/same.xml", null, null, null,
                null), FeedSource.Origin.FILE).state();
        SourceState moved = restarted.add(new SourceSpec("moved", null, "https://news.example/new.xml", null, null, null,
                null), FeedSource.Origin.FILE).state();

        assertThat(same.etag()).isEqualTo("\"e1\"");
        assertThat(same.lastModified()).isEqualTo("Tue, 01 Dec 2026 10:00:00 GMT");
        assertThat(same.hasSeen("a")).isTrue();
        assertThat(same.persisted(1).seen()).containsExactly("b");
        assertThat(moved.etag()).isNull();
        assertThat(moved.hasSeen("c")).isFalse();
    }

    private static SourceSpec spec(String id, String url) {
        return new SourceSpec(id, null, url, null, null, null, null);
    }

    @Test
    void aFeedUrlOverItsLengthLimitIsRefused() {
        String url = "https://news.example/" + "a".repeat(SourceRegistry.MAX_URL_LENGTH);

        assertThatThrownBy(() -> registry.add(new SourceSpec(null, null, url, null, null, null, null),
                FeedSource.Origin.API))
                .isInstanceOfSatisfying(InvalidSourceException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("url", "is longer than 8192 characters"));
    }

    @Test
    void anIdDerivedFromAPathOfDashesTakesNoTime() {
        URI url = URI.create("https://news.example/" + "-".repeat(8000) + "x/" + "-".repeat(8000));
        long start = System.nanoTime();

        String id = SourceRegistry.derivedId(url);

        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(100);
        assertThat(id).isEqualTo("news.example");
    }
}
