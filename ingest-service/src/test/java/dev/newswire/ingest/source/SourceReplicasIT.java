package dev.newswire.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newswire.stack.TestInfrastructure;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two replicas of the ingest-service against a real Kafka broker: a source added, replaced or removed
 * through one's API reaches the other (the poller) through the sources topic, and neither takes its
 * own changes, read back, for another's.
 */
class SourceReplicasIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** A sources topic of its own, so that no other test's service polls the sources left here. */
    private static final String TOPIC = "news.sources.it-" + UUID.randomUUID();

    @Test
    void sourceChangesThroughOneReplicaReachTheOther() throws Exception {
        String id = "replica-" + UUID.randomUUID().toString().substring(0, 8);
        try (SourceStore apiStore = store(); SourceStore pollerStore = store()) {
            SourceRegistry api = registry(apiStore);
            SourceRegistry poller = registry(pollerStore);

            RegisteredSource added = api.add(new SourceSpec(id, "Replica feed", "https://news.example/replica.xml", "10m",
                    false, "en", null), FeedSource.Origin.API);
            await().atMost(TIMEOUT).until(() -> poller.get(id).isPresent());
            assertThat(poller.get(id).orElseThrow().definition()).isEqualTo(added.definition());

            RegisteredSource replaced = api.put(id, new SourceSpec(null, "Replica feed", "https://news.example/moved.xml",
                    "10m", false, "en", null), FeedSource.Origin.API);
            await().atMost(TIMEOUT).until(() -> poller.get(id).map(s -> s.definition().url().getPath())
                    .equals(Optional.of("/moved.xml")));

            assertThat(api.remove(id)).isTrue();
            await().atMost(TIMEOUT).until(() -> poller.get(id).isEmpty());

            String other = id + "-back";
            RegisteredSource fromPoller = poller.add(new SourceSpec(other, null, "https://news.example/back.xml", null,
                    null, null, null), FeedSource.Origin.API);
            await().atMost(TIMEOUT).until(() -> api.get(other).isPresent());
            // The poller read its own add back after the api replica saw it: still the same registration.
            assertThat(poller.get(other)).containsSame(fromPoller);
            assertThat(replaced.definition().url().getPath()).isEqualTo("/moved.xml");
        }
    }

    private static SourceStore store() {
        SourceStore store = new SourceStore(TestInfrastructure.kafkaBootstrapServers(), TOPIC, JsonMapper.builder().build(),
                Duration.ofSeconds(30), 100);
        store.createTopic();
        return store;
    }

    private static SourceRegistry registry(SourceStore store) {
        SourceRegistry registry = new SourceRegistry(new SourceProperties(), store);
        registry.restoreFrom(store.readAll());
        store.follow(registry);
        return registry;
    }
}
