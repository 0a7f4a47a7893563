package io.parley.chat.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;

class KeyedBatchTest {

    private static final RecordObservations OBSERVATIONS = new RecordObservations(ObservationRegistry.NOOP);
    private static final Executor LATER = CompletableFuture.delayedExecutor(5, TimeUnit.MILLISECONDS);
    private static final Function<ConsumerRecord<String, byte[]>, Long> OFFSET = ConsumerRecord::offset;

    @Test
    void handsEachKeyItsRecordsInOrderOnce() {
        Map<String, List<Long>> seen = new ConcurrentHashMap<>();

        KeyedBatch<Long, Long> batch = KeyedBatch.run(records("a", "b", "a", "c", "a", "b"), OFFSET,
                (key, records) -> CompletableFuture.supplyAsync(() -> {
                    List<Long> offsets = records.stream().map(KeyedBatch.Keyed::payload).toList();
                    seen.put(key, offsets);
                    return offsets;
                }, LATER), OBSERVATIONS, "test", "test", Duration.ofSeconds(5));

        batch.throwIfFailed();
        assertThat(seen).containsOnlyKeys("a", "b", "c");
        assertThat(seen.get("a")).containsExactly(0L, 2L, 4L);
        assertThat(seen.get("b")).containsExactly(1L, 5L);
        assertThat(batch.results()).containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void aFailedKeyFailsTheBatchAtItsFirstRecord() {
        // Key b fails; its first record in the batch is index 1, even though its failing record comes later.
        KeyedBatch<Long, Long> batch = KeyedBatch.run(records("a", "b", "a", "b", "c"), OFFSET,
                (key, records) -> key.equals("b")
                        ? CompletableFuture.failedFuture(new IllegalStateException("boom"))
                        : CompletableFuture.completedFuture(records.stream().map(KeyedBatch.Keyed::payload).toList()),
                OBSERVATIONS, "test", "test", Duration.ofSeconds(5));

        assertThat(batch.failedKeys()).containsExactly("b");
        assertThat(batch.results()).containsExactlyInAnyOrder(0L, 2L, 4L);
        assertThatThrownBy(batch::throwIfFailed)
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isEqualTo(1))
                .hasRootCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void recordsBeforeAPoisonRecordAreHandledAndTheBatchFailsAtThePoison() {
        List<String> handledKeys = Collections.synchronizedList(new ArrayList<>());
        Function<ConsumerRecord<String, byte[]>, Long> parser = record -> {
            if (record.offset() == 2) {
                throw new PoisonRecordException("bad");
            }
            return record.offset();
        };

        KeyedBatch<Long, Long> batch = KeyedBatch.run(records("a", "b", "c", "d"), parser, (key, records) -> {
            handledKeys.add(key);
            return CompletableFuture.completedFuture(List.of());
        }, OBSERVATIONS, "test", "test", Duration.ofSeconds(5));

        assertThat(handledKeys).containsExactlyInAnyOrder("a", "b");
        assertThatThrownBy(batch::throwIfFailed)
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isEqualTo(2))
                .hasCauseInstanceOf(PoisonRecordException.class);
    }

    @Test
    void aHandlerThatThrowsFailsItsKey() {
        KeyedBatch<Long, Long> batch = KeyedBatch.run(records("a"), OFFSET, (key, records) -> {
            throw new IllegalArgumentException("bad");
        }, OBSERVATIONS, "test", "test", Duration.ofSeconds(5));

        assertThatThrownBy(batch::throwIfFailed).hasCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysNotDoneInTimeFailTheBatch() {
        KeyedBatch<Long, Long> batch = KeyedBatch.run(records("a", "b"), OFFSET,
                (key, records) -> key.equals("b") ? new CompletableFuture<>() : CompletableFuture.completedFuture(List.of(0L)),
                OBSERVATIONS, "test", "test", Duration.ofMillis(50));

        assertThat(batch.failedKeys()).containsExactly("b");
        assertThatThrownBy(batch::throwIfFailed).isInstanceOfSatisfying(BatchListenerFailedException.class,
                e -> assertThat(e.getIndex()).isEqualTo(1));
    }

    private static List<ConsumerRecord<String, byte[]>> records(String... keys) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            records.add(new ConsumerRecord<>("t", 0, i, keys[i], new byte[0]));
        }
        return records;
    }
}
