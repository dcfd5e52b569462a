package dev.newswire.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KafkaServerTest {

    @Test
    void clusterIdsAreKafkaShapedAndNeverLookLikeAnOption() {
        Set<String> ids = new HashSet<>();
        // One id in 64 would start with '-' without the guard: 5,000 draws make a miss all but certain.
        for (int i = 0; i < 5_000; i++) {
            String id = KafkaServer.newClusterId();
            assertThat(id).hasSize(22).matches("[A-Za-z0-9_][A-Za-z0-9_-]{21}");
            ids.add(id);
        }
        assertThat(ids).hasSize(5_000);
    }
}
