package io.parley.chat.kafka;

import io.micrometer.observation.Observation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * Processes a polled batch one key at a time: all records of a key go to the handler together, in record
 * order, so it can sequence them with one read and one write per key instead of one round per record;
 * different keys run concurrently (asynchronous I/O, no thread per key).
 *
 * <p>Records are parsed first. The batch is processed up to its first poison record, which then fails
 * the batch at its own index (the error handler dead-letters it). If a key fails, or does not finish within
 * the timeout, the batch fails at the lowest index of the FIRST record of a failed key: the offsets before it
 * are committed and everything from it on is delivered again, so a failed key is always replayed from its
 * first record of this batch — the start its handler's state assumed. That is safe because the handlers are
 * idempotent and deterministic over the record order.
 *
 * @param <T> the parsed payload
 * @param <R> what handling one record yields
 */
public final class KeyedBatch<T, R> {

    /** Handles every record of one key, in order; must not block. Yields one result per stored record. */
    @FunctionalInterface
    public interface KeyHandler<T, R> {
        CompletableFuture<List<R>> handle(String key, List<Keyed<T>> records);
    }

    /** One record of the batch, its parsed payload and the observation that continues its trace. */
    public record Keyed<T>(ConsumerRecord<String, byte[]> record, T payload, Observation observation) {
    }

    private final List<R> results = new ArrayList<>();
    private final List<String> failedKeys = new ArrayList<>();
    private int failedIndex = Integer.MAX_VALUE;
    private Throwable failure;

    private KeyedBatch() {
    }

    /** Runs the batch; waits at most {@code timeout} for it (keys still running then count as failed). */
    public static <T, R> KeyedBatch<T, R> run(List<ConsumerRecord<String, byte[]>> records,
            Function<ConsumerRecord<String, byte[]>, T> parser, KeyHandler<T, R> handler, RecordObservations observations,
            String listenerId, String groupId, Duration timeout) {
        KeyedBatch<T, R> batch = new KeyedBatch<>();
        Map<String, KeyRun<T, R>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            T payload;
            try {
                payload = parser.apply(record);
            } catch (PoisonRecordException e) {
                batch.fail(i, e);
                break;
            }
            String key = record.key() == null ? "" : record.key();
            Observation observation = observations.start(record, listenerId, groupId);
            byKey.computeIfAbsent(key, k -> new KeyRun<>(k)).add(new Keyed<>(record, payload, observation), i);
        }
        byKey.values().forEach(run -> run.start(handler));
        batch.await(byKey.values(), timeout);
        return batch;
    }

    private void await(Iterable<KeyRun<T, R>> runs, Duration timeout) {
        List<CompletableFuture<List<R>>> all = new ArrayList<>();
        runs.forEach(run -> all.add(run.done));
        try {
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // Examined key by key below.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (KeyRun<T, R> run : runs) {
            Throwable keyFailure = run.failure();
            run.stopObservations(keyFailure);
            if (keyFailure != null) {
                failedKeys.add(run.key);
                fail(run.firstIndex, keyFailure);
            } else {
                results.addAll(run.done.join());
            }
        }
    }

    private void fail(int index, Throwable cause) {
        if (index < failedIndex) {
            failedIndex = index;
            failure = cause;
        }
    }

    /** The results of the keys that succeeded, key by key in order of their first record. */
    public List<R> results() {
        return results;
    }

    /** The keys whose records failed or did not finish: their handler state must be forgotten. */
    public List<String> failedKeys() {
        return failedKeys;
    }

    /** Throws if a record failed, naming the index from which the batch must be delivered again. */
    public void throwIfFailed() {
        if (failure != null) {
            throw new BatchListenerFailedException("record failed", failure, failedIndex);
        }
    }

    private static final class KeyRun<T, R> {

        private final String key;
        private final List<Keyed<T>> records = new ArrayList<>();
        private int firstIndex = -1;
        private CompletableFuture<List<R>> done;

        KeyRun(String key) {
            this.key = key;
        }

        void add(Keyed<T> record, int index) {
            if (firstIndex < 0) {
                firstIndex = index;
            }
            records.add(record);
        }

        void start(KeyHandler<T, R> handler) {
            try {
                done = handler.handle(key, List.copyOf(records));
            } catch (RuntimeException e) {
                done = CompletableFuture.failedFuture(e);
            }
        }

        Throwable failure() {
            if (!done.isDone()) {
                return new TimeoutException("records of one key not processed in time");
            }
            try {
                done.join();
                return null;
            } catch (CompletionException | java.util.concurrent.CancellationException e) {
                return unwrap(e);
            }
        }

        void stopObservations(Throwable failure) {
            for (Keyed<T> record : records) {
                if (failure != null) {
                    record.observation().error(failure);
                }
                record.observation().stop();
            }
        }

        private static Throwable unwrap(Throwable failure) {
            Throwable cause = failure;
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            return cause;
        }
    }
}
