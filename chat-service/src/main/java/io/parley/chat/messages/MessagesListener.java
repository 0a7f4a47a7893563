package io.parley.chat.messages;

import io.parley.chat.chats.GroupChatIds;
import io.parley.chat.kafka.KeyedBatch;
import io.parley.chat.kafka.RecordObservations;
import io.parley.chat.sequencing.BatchSequencer;
import io.parley.proto.chat.v1.MessageSubmitted;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * The single writer of each chat's sequence: the consumer of the chat's partition of topic {@code messages}.
 * Offsets are committed after the listener returns, i.e. after every record of the batch is stored, its
 * inbox entries are acknowledged by Kafka and its chat's mark is raised; a failed chat fails the batch from
 * that chat's first record on.
 */
class MessagesListener {

    static final String ID = "chat-messages";
    static final String GROUP = "chat-service.messages";
    private static final Duration BATCH_TIMEOUT = Duration.ofSeconds(60);

    private final MessageProcessor processor;
    private final GroupChatProcessor groupProcessor;
    private final BatchSequencer sequencer;
    private final RecordObservations observations;

    MessagesListener(MessageProcessor processor, GroupChatProcessor groupProcessor, BatchSequencer sequencer,
            RecordObservations observations) {
        this.processor = processor;
        this.groupProcessor = groupProcessor;
        this.sequencer = sequencer;
        this.observations = observations;
    }

    @KafkaListener(id = ID, groupId = GROUP, topics = "${parley.chat.topics.messages.name}",
            concurrency = "${parley.chat.pipeline.messages-consumers}", batch = "true")
    void onMessages(List<ConsumerRecord<String, byte[]>> records) {
        KeyedBatch<MessageSubmitted, Long> batch = KeyedBatch.run(records, MessageProcessor::parse, this::process,
                observations, ID, GROUP, BATCH_TIMEOUT);
        batch.failedKeys().forEach(sequencer::forget);
        batch.throwIfFailed();
    }

    private CompletableFuture<List<Long>> process(String chatId, List<KeyedBatch.Keyed<MessageSubmitted>> records) {
        return GroupChatIds.isGroupChat(chatId) ? groupProcessor.process(chatId, records) : processor.process(chatId, records);
    }
}
