package io.parley.chat.inbox;

import io.parley.chat.fanout.DeliveryFanout;
import io.parley.chat.kafka.KeyedBatch;
import io.parley.chat.kafka.RecordObservations;
import io.parley.chat.sequencing.BatchSequencer;
import io.parley.proto.chat.v1.InboxEntry;
import java.time.Duration;
import java.util.List;
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

    private final InboxProcessor processor;
    private final BatchSequencer sequencer;
    private final DeliveryFanout fanout;
    private final RecordObservations observations;

    InboxListener(InboxProcessor processor, BatchSequencer sequencer, DeliveryFanout fanout,
            RecordObservations observations) {
        this.processor = processor;
        this.sequencer = sequencer;
        this.fanout = fanout;
        this.observations = observations;
    }

    @KafkaListener(id = ID, groupId = GROUP, topics = "${parley.chat.topics.inbox.name}",
            concurrency = "${parley.chat.pipeline.inbox-consumers}", batch = "true")
    void onEntries(List<ConsumerRecord<String, byte[]>> records) {
        KeyedBatch<InboxEntry, InboxEntry> batch = KeyedBatch.run(records, InboxProcessor::parse, processor::process,
                observations, ID, GROUP, BATCH_TIMEOUT);
        batch.failedKeys().forEach(sequencer::forget);
        fanout.dispatch(batch.results());
        batch.throwIfFailed();
    }
}
