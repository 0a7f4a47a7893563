package io.parley.chat.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;

class KeyedBatchTest {

    private static final RecordObservations OBSERVATIONS = new RecordObservations(ObservationRegistry.NOOP);
    private static final Executor LATER = CompletableFuture.delayedExecutor(5, TimeUnit.MILLISECONDS);

    @Test
    void handlesTheRecordsOfOneKeyInOrderAndEachOnce() {
        List<ConsumerRecord<String, byte[]>> records = records("a", "b", "a", "c", "a", "b");
        List<Long> handled = Collections.synchronizedList(new ArrayList<>());

        KeyedBatch<Long> batch = KeyedBatch.run(records, (record, observation) -> CompletableFuture.supplyAsync(() -> {
            handled.add(record.offset());
            return record.offset();
        }, LATER), OBSERVATIONS, "test", "test", Duration.ofSeconds(5));

        batch.throwIfFailed();
        assertThat(batch.results()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(handled).containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(handled.stream().filter(offset -> offset == 0 || offset == 2 || offset == 4)).containsExactly(0L, 2L, 4L);
    }

    @Test
    void failsAtTheLowestFailedRecordAndSkipsTheRestOfItsKey() {
        List<ConsumerRecord<String, byte[]>> records = records("a", "b", "a", "b", "a");
        List<Long> handled = Collections.synchronizedList(new ArrayList<>());

        KeyedBatch<Long> batch = KeyedBatch.run(records, (record, observation) -> {
            handled.add(record.offset());
            return record.offset() == 2 || record.offset() == 3
                    ? CompletableFuture.failedFuture(new IllegalStateException("boom"))
                    : CompletableFuture.completedFuture(record.offset());
        }, OBSERVATIONS, "test", "test", Duration.ofSeconds(5));

        assertThat(handled).doesNotContain(4L);
        assertThat(batch.results()).containsExactly(0L, 1L);
        assertThatThrownBy(batch::throwIfFailed)
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isEqualTo(2))
                .hasRootCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void aHandlerThatThrowsFailsItsRecord() {
        KeyedBatch<Long> batch = KeyedBatch.run(records("a"), (record, observation) -> {
            throw new PoisonRecordException("bad");
        }, OBSERVATIONS, "test", "test", Duration.ofSeconds(5));

        assertThatThrownBy(batch::throwIfFailed).hasCauseInstanceOf(PoisonRecordException.class);
    }

    @Test
    void recordsNotDoneInTimeFailTheBatch() {
        KeyedBatch<Long> batch = KeyedBatch.run(records("a"), (record, observation) -> new CompletableFuture<>(),
                OBSERVATIONS, "test", "test", Duration.ofMillis(50));

        assertThatThrownBy(batch::throwIfFailed).isInstanceOfSatisfying(BatchListenerFailedException.class,
                e -> assertThat(e.getIndex()).isZero());
    }

    private static List<ConsumerRecord<String, byte[]>> records(String... keys) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            records.add(new ConsumerRecord<>("t", 0, i, keys[i], new byte[0]));
        }
        return records;
    }
}
