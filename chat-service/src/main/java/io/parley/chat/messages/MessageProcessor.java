package io.parley.chat.messages;

import io.micrometer.observation.Observation;
import io.parley.chat.chatlist.ChatListStore;
import io.parley.chat.chats.BadChatIdException;
import io.parley.chat.chats.ChatId;
import io.parley.chat.inbox.InboxPublisher;
import io.parley.chat.kafka.PoisonRecordException;
import io.parley.chat.kafka.RecordPayloads;
import io.parley.chat.sequencing.GaplessSequencer;
import io.parley.chat.sequencing.Sequenced;
import io.parley.proto.chat.v1.ChatMessage;
import io.parley.proto.chat.v1.MessageSubmitted;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one record of topic {@code messages}: gives the message its chat seq, stores it, updates every
 * member's chat list, and produces one inbox entry per member (the sender too, for their other devices).
 * A re-delivered record keeps its seq and creates nothing new.
 */
public final class MessageProcessor {

    private static final Logger log = LoggerFactory.getLogger(MessageProcessor.class);

    private final GaplessSequencer chatSequences;
    private final MessageStore messages;
    private final ChatListStore chatLists;
    private final InboxPublisher inbox;
    private final SequencingMetrics metrics;
    private final Clock clock;

    MessageProcessor(GaplessSequencer chatSequences, MessageStore messages, ChatListStore chatLists, InboxPublisher inbox,
            SequencingMetrics metrics, Clock clock) {
        this.chatSequences = chatSequences;
        this.messages = messages;
        this.chatLists = chatLists;
        this.inbox = inbox;
        this.metrics = metrics;
        this.clock = clock;
    }

    public CompletableFuture<Long> process(ConsumerRecord<String, byte[]> record, Observation observation) {
        MessageSubmitted submitted = parse(record);
        long messageId = Long.parseLong(submitted.getMessageId());
        List<String> members = ChatId.parse(submitted.getChatId()).members();
        return chatSequences.sequence(submitted.getChatId(), submitted.getMessageId(),
                        () -> messages.lookup(messageId, submitted.getSenderUserId(), submitted.getClientMsgId()))
                .thenCompose(sequenced -> {
                    if (sequenced.superseded()) {
                        metrics.superseded();
                        log.warn("Dropping a resend stored under another id chat_id={} message_id={} seq={}",
                                submitted.getChatId(), messageId, sequenced.seq());
                        return CompletableFuture.completedFuture(sequenced.seq());
                    }
                    ChatMessage message = message(submitted, sequenced);
                    return store(message, sequenced, members, observation).thenApply(stored -> sequenced.seq());
                });
    }

    /**
     * Writes everything derived from the message at once (its history row, the members' chat lists, their inbox
     * entries), then message_by_id, whose presence says all of it is done: a re-delivered record that finds it
     * has nothing left to do. Each write is idempotent under the same seq, so a crash anywhere before the
     * marker is repaired by the record's re-delivery (Resume).
     */
    private CompletableFuture<Void> store(ChatMessage message, Sequenced sequenced, List<String> members,
            Observation observation) {
        if (sequenced.alreadyStored()) {
            metrics.redelivered();
            return CompletableFuture.completedFuture(null);
        }
        List<CompletableFuture<Void>> writes = new ArrayList<>(members.size() + 2);
        writes.add(messages.writeRows(message));
        members.forEach(member -> writes.add(chatLists.recordMessage(member, message)));
        writes.add(inbox.message(members, message, observation));
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
                .thenCompose(written -> messages.markStored(message))
                .thenRun(() -> {
                    metrics.stored(message.getSentAtEpochMillis(), clock.millis());
                    log.debug("Stored chat_id={} message_id={} seq={}", message.getChatId(), message.getMessageId(),
                            message.getSeq());
                });
    }

    private static ChatMessage message(MessageSubmitted submitted, Sequenced sequenced) {
        return ChatMessage.newBuilder()
                .setMessageId(submitted.getMessageId())
                .setChatId(submitted.getChatId())
                .setSeq(sequenced.seq())
                .setSenderUserId(submitted.getSenderUserId())
                .setSenderDeviceId(submitted.getSenderDeviceId())
                .setClientMsgId(submitted.getClientMsgId())
                .setContentType(submitted.getContentType())
                .setBody(submitted.getBody())
                .setSentAtEpochMillis(submitted.getSubmittedAtEpochMillis())
                .build();
    }

    /** A record that is not a complete MessageSubmitted of a valid chat can never be sequenced. */
    static MessageSubmitted parse(ConsumerRecord<String, byte[]> record) {
        MessageSubmitted submitted = RecordPayloads.parse(record, MessageSubmitted.parser(), "MessageSubmitted");
        try {
            Long.parseLong(submitted.getMessageId());
            ChatId chat = ChatId.parse(submitted.getChatId());
            if (!chat.value().equals(record.key())) {
                throw new PoisonRecordException("record key is not the chat id, message_id=" + submitted.getMessageId());
            }
            if (!chat.isMember(submitted.getSenderUserId()) || submitted.getClientMsgId().isEmpty()) {
                throw new PoisonRecordException("incomplete MessageSubmitted, message_id=" + submitted.getMessageId());
            }
        } catch (NumberFormatException | BadChatIdException e) {
            throw new PoisonRecordException("malformed ids in MessageSubmitted", e);
        }
        return submitted;
    }
}
