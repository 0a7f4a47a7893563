package io.parley.chat.kafka;

import io.micrometer.observation.Observation;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Produces protobuf payloads with the idempotent, acks=all producer and completes when the broker
 * acknowledged. {@code KafkaProducer.send} itself can block (waiting for metadata or buffer space while the
 * broker is away), so it is called on a small pool of its own, never on gRPC or Cassandra driver threads.
 * The record carries the trace context of {@code parent} (the gRPC call or the consumed record).
 */
public final class KafkaSender implements DisposableBean {

    private static final int THREADS = 4;
    private static final int QUEUE = 10_000;

    private final KafkaTemplate<String, byte[]> template;
    private final ExecutorService executor = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(QUEUE), task -> {
                Thread thread = new Thread(task, "kafka-send");
                thread.setDaemon(true);
                return thread;
            });

    public KafkaSender(KafkaTemplate<String, byte[]> template) {
        this.template = template;
    }

    public CompletableFuture<RecordMetadata> send(String topic, String key, byte[] value, Observation parent) {
        try {
            return CompletableFuture.supplyAsync(() -> inScope(parent, topic, key, value), executor)
                    .thenCompose(sent -> sent)
                    .thenApply(SendResult::getRecordMetadata);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** A record to produce, with the observation whose trace it continues (or null). */
    public record Outgoing(String key, byte[] value, Observation parent) {
    }

    /**
     * Produces the records in list order, from one task: records of one key reach their partition in this order
     * (the idempotent producer keeps it even through retries). Completes when the broker acknowledged all.
     */
    public CompletableFuture<Void> sendInOrder(String topic, List<Outgoing> records) {
        if (records.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        try {
            return CompletableFuture.supplyAsync(() -> {
                CompletableFuture<?>[] sent = new CompletableFuture<?>[records.size()];
                for (int i = 0; i < sent.length; i++) {
                    Outgoing record = records.get(i);
                    sent[i] = inScope(record.parent(), topic, record.key(), record.value());
                }
                return CompletableFuture.allOf(sent);
            }, executor).thenCompose(all -> all);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<SendResult<String, byte[]>> inScope(Observation parent, String topic, String key, byte[] value) {
        return parent == null ? template.send(topic, key, value) : parent.scoped(() -> template.send(topic, key, value));
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
