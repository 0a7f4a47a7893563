package io.parley.chat.inbox;

import io.parley.chat.fanout.DeliveryFanout;
import io.parley.chat.kafka.KeyedBatch;
import io.parley.chat.kafka.RecordObservations;
import io.parley.chat.sequencing.BatchSequencer;
import io.parley.proto.chat.v1.InboxEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * The single writer of each user's inbox sequence: the consumer of the user's partition of topic
 * {@code inbox}. Stored entries are handed to fan-out, which delivers them asynchronously; offsets are
 * committed once the entries are stored (delivery is best effort: the inbox is the source of truth).
 */
class InboxListener {

    static final String ID = "chat-inbox";
    static final String GROUP = "chat-service.inbox";
    private static final Duration BATCH_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration RESOLVE_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(InboxListener.class);

    private final InboxProcessor processor;
    private final BatchSequencer sequencer;
    private final DeliveryFanout fanout;
    private final MessageResolver resolver;
    private final RecordObservations observations;

    InboxListener(InboxProcessor processor, BatchSequencer sequencer, DeliveryFanout fanout, MessageResolver resolver,
            RecordObservations observations) {
        this.processor = processor;
        this.sequencer = sequencer;
        this.fanout = fanout;
        this.resolver = resolver;
        this.observations = observations;
    }

    @KafkaListener(id = ID, groupId = GROUP, topics = "${parley.chat.topics.inbox.name}",
            concurrency = "${parley.chat.pipeline.inbox-consumers}", batch = "true")
    void onEntries(List<ConsumerRecord<String, byte[]>> records) {
        KeyedBatch<InboxEntry, InboxEntry> batch = KeyedBatch.run(records, InboxProcessor::parse, processor::process,
                observations, ID, GROUP, BATCH_TIMEOUT);
        batch.failedKeys().forEach(sequencer::forget);
        fanout.dispatch(resolvedForDelivery(batch.results()));
        batch.throwIfFailed();
    }

    /**
     * Live delivery carries messages, not references. Entries are resolved per user (a reference that cannot be read
     * ends that user's live batch there: the device gets the rest by sync); if reading fails altogether, only the
     * entries that need no reading go live. Bounded, so a slow store cannot hold the partition.
     */
    private List<InboxEntry> resolvedForDelivery(List<InboxEntry> stored) {
        if (stored.stream().noneMatch(InboxEntry::hasMessageRef)) {
            return stored;
        }
        Map<String, List<InboxEntry>> byUser = new LinkedHashMap<>();
        stored.forEach(entry -> byUser.computeIfAbsent(entry.getUserId(), user -> new ArrayList<>()).add(entry));
        List<CompletableFuture<List<InboxEntry>>> resolved = byUser.values().stream().map(resolver::resolve).toList();
        try {
            CompletableFuture.allOf(resolved.toArray(CompletableFuture[]::new)).get(RESOLVE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<InboxEntry> deliverable = new ArrayList<>(stored.size());
            resolved.forEach(entries -> deliverable.addAll(entries.join()));
            return deliverable;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Group messages not resolved for live delivery; devices get them by sync: {}", e.toString());
            return stored.stream().filter(entry -> !entry.hasMessageRef()).toList();
        }
    }
}
