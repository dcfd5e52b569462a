package dev.newswire.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class PartitionProgressTest {

    private static Work letter(long offset) {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("t", 0, offset, 0L, TimestampType.CREATE_TIME,
                -1, -1, null, new byte[0], new RecordHeaders(), Optional.empty());
        return new Work.Publish(new DeadLetter(record, "x", "y"));
    }

    @Test
    void commitsAfterTheLastFlushedRecordWhenNothingWaits() {
        PartitionProgress p = new PartitionProgress();
        p.flushed(3);
        p.flushed(7);

        assertThat(p.toCommit()).isEqualTo(8);
        p.committed(8);
        assertThat(p.toCommit()).isEqualTo(-1);
    }

    @Test
    void commitsOnlyUpToTheFirstWaitingRecord() {
        PartitionProgress p = new PartitionProgress();
        for (long offset = 10; offset < 20; offset++) {
            p.flushed(offset);
        }
        p.retryLater(letter(15));
        p.retryLater(letter(12));

        assertThat(p.toCommit()).isEqualTo(12);
        p.committed(12);
        p.takeWaiting();
        p.retryLater(letter(15));
        assertThat(p.toCommit()).isEqualTo(15);
        p.takeWaiting();
        assertThat(p.toCommit()).isEqualTo(20);
    }

    @Test
    void isDueOnlyOnceItsRetryTimeCameAndCountsFailuresUntilASuccess() {
        PartitionProgress p = new PartitionProgress();
        p.flushed(0);
        p.retryLater(letter(0));

        assertThat(p.failed(1_000)).isEqualTo(1);
        assertThat(p.isDue(999)).isFalse();
        assertThat(p.isDue(1_000)).isTrue();
        p.takeWaiting();
        p.retryLater(letter(0));
        assertThat(p.failed(5_000)).isEqualTo(2);
        p.takeWaiting();
        p.succeeded();
        assertThat(p.failures()).isZero();
        assertThat(p.isWaiting()).isFalse();
        assertThat(p.isDue(10_000)).isFalse();
    }
}
