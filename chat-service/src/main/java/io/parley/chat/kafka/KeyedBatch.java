package io.parley.chat.kafka;

import io.micrometer.observation.Observation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * Processes a polled batch: the records of one key strictly in order (each after the previous one completed),
 * different keys concurrently. A key stops at its first failure. If any record failed, the batch fails at
 * the LOWEST failed index with a {@link BatchListenerFailedException}: offsets before it are committed and
 * everything from it on is delivered again, which is safe because every step is idempotent.
 *
 * @param <R> what processing one record yields
 */
public final class KeyedBatch<R> {

    /** Handles one record inside its observation; must not block. */
    @FunctionalInterface
    public interface Handler<R> {
        CompletableFuture<R> handle(ConsumerRecord<String, byte[]> record, Observation observation);
    }

    private final List<ConsumerRecord<String, byte[]>> records;
    private final AtomicReferenceArray<Outcome<R>> outcomes;

    private KeyedBatch(List<ConsumerRecord<String, byte[]>> records) {
        this.records = records;
        this.outcomes = new AtomicReferenceArray<>(records.size());
    }

    /** Runs the batch; waits at most {@code timeout} for it (records still running then count as failed). */
    public static <R> KeyedBatch<R> run(List<ConsumerRecord<String, byte[]>> records, Handler<R> handler,
            RecordObservations observations, String listenerId, String groupId, Duration timeout) {
        KeyedBatch<R> batch = new KeyedBatch<>(records);
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            String key = records.get(i).key();
            byKey.computeIfAbsent(key == null ? "" : key, k -> new ArrayList<>()).add(i);
        }
        List<CompletableFuture<Void>> chains = new ArrayList<>(byKey.size());
        for (List<Integer> indexes : byKey.values()) {
            chains.add(batch.chain(indexes, 0, handler, observations, listenerId, groupId));
        }
        try {
            CompletableFuture.allOf(chains.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // Chains never complete exceptionally; a timeout leaves unfinished records without an outcome.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return batch;
    }

    private CompletableFuture<Void> chain(List<Integer> indexes, int position, Handler<R> handler,
            RecordObservations observations, String listenerId, String groupId) {
        if (position == indexes.size()) {
            return CompletableFuture.completedFuture(null);
        }
        int index = indexes.get(position);
        ConsumerRecord<String, byte[]> record = records.get(index);
        Observation observation = observations.start(record, listenerId, groupId);
        CompletableFuture<R> handled;
        try {
            handled = observation.scoped(() -> handler.handle(record, observation));
        } catch (RuntimeException e) {
            handled = CompletableFuture.failedFuture(e);
        }
        return handled.handle((result, failure) -> {
            if (failure != null) {
                observation.error(failure);
            }
            observation.stop();
            outcomes.set(index, new Outcome<>(result, failure));
            return failure == null;
        }).thenCompose(succeeded -> succeeded
                ? chain(indexes, position + 1, handler, observations, listenerId, groupId)
                : CompletableFuture.completedFuture(null));
    }

    /** The results of the records that succeeded, in record order. */
    public List<R> results() {
        List<R> results = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Outcome<R> outcome = outcomes.get(i);
            if (outcome != null && outcome.failure() == null && outcome.result() != null) {
                results.add(outcome.result());
            }
        }
        return results;
    }

    /** Throws if a record failed or did not finish in time, naming the first such record for the error handler. */
    public void throwIfFailed() {
        for (int i = 0; i < records.size(); i++) {
            Outcome<R> outcome = outcomes.get(i);
            if (outcome == null) {
                throw new BatchListenerFailedException("record not processed in time", new TimeoutException(), i);
            }
            if (outcome.failure() != null) {
                throw new BatchListenerFailedException("record failed", unwrap(outcome.failure()), i);
            }
        }
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private record Outcome<R>(R result, Throwable failure) {
    }
}
