package io.parley.chat.messages;

import io.micrometer.observation.Observation;
import io.parley.chat.chatlist.ChatListStore;
import io.parley.chat.chats.BadChatIdException;
import io.parley.chat.chats.ChatId;
import io.parley.chat.chats.GroupChatIds;
import io.parley.chat.inbox.InboxPublisher;
import io.parley.chat.kafka.KeyedBatch.Keyed;
import io.parley.chat.kafka.PoisonRecordException;
import io.parley.chat.kafka.RecordPayloads;
import io.parley.chat.sequencing.BatchSequencer;
import io.parley.chat.sequencing.ItemLookup;
import io.parley.chat.sequencing.SequenceDecision;
import io.parley.chat.sequencing.SequencedBatch;
import io.parley.proto.chat.v1.ChatMessage;
import io.parley.proto.chat.v1.MessageSubmitted;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one chat's records of a batch of topic {@code messages}: gives each message its chat seq, stores
 * it, updates every member's chat list once, and produces one inbox entry per member per message (the
 * sender too, for their other devices). Three asynchronous waves per chat, whatever the number of its
 * messages in the batch: look the messages up (and read the chat's mark unless remembered), write every row
 * and produce every inbox entry, then raise the chat's mark. A re-delivered message keeps its seq.
 */
public final class MessageProcessor {

    private static final Logger log = LoggerFactory.getLogger(MessageProcessor.class);

    private final BatchSequencer chatSequences;
    private final MessageStore messages;
    private final ChatListStore chatLists;
    private final InboxPublisher inbox;
    private final SequencingMetrics metrics;
    private final Clock clock;

    MessageProcessor(BatchSequencer chatSequences, MessageStore messages, ChatListStore chatLists, InboxPublisher inbox,
            SequencingMetrics metrics, Clock clock) {
        this.chatSequences = chatSequences;
        this.messages = messages;
        this.chatLists = chatLists;
        this.inbox = inbox;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The chat's records in partition order; yields the seqs of the messages stored (superseded ones excluded). */
    public CompletableFuture<List<Long>> process(String chatId, List<Keyed<MessageSubmitted>> records) {
        List<ItemLookup> lookups = new ArrayList<>(records.size());
        for (Keyed<MessageSubmitted> record : records) {
            MessageSubmitted submitted = record.payload();
            lookups.add(new ItemLookup(submitted.getMessageId(), submitted.getSenderUserId() + '/' + submitted.getClientMsgId(),
                    messages.lookup(Long.parseLong(submitted.getMessageId()), submitted.getSenderUserId(),
                            submitted.getClientMsgId())));
        }
        return chatSequences.assign(chatId, lookups).thenCompose(batch -> store(chatId, records, batch)
                .thenCompose(stored -> chatSequences.finish(chatId, batch).thenApply(finished -> stored)));
    }

    private CompletableFuture<List<Long>> store(String chatId, List<Keyed<MessageSubmitted>> records,
            SequencedBatch batch) {
        List<String> members = ChatId.parse(chatId).members();
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        List<Long> seqs = new ArrayList<>(records.size());
        List<ChatMessage> stored = new ArrayList<>(records.size());
        List<ChatMessage> fresh = new ArrayList<>(records.size());
        List<Observation> parents = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            Keyed<MessageSubmitted> record = records.get(i);
            SequenceDecision decision = batch.decision(i);
            if (!decision.writes()) {
                metrics.superseded();
                log.warn("Dropping a resend stored under another id chat_id={} message_id={} seq={}", chatId,
                        record.payload().getMessageId(), decision.seq());
                continue;
            }
            ChatMessage message = message(record.payload(), decision.seq());
            writes.add(messages.write(message));
            stored.add(message);
            parents.add(record.observation());
            seqs.add(decision.seq());
            if (decision instanceof SequenceDecision.New) {
                fresh.add(message);
            } else {
                metrics.redelivered();
            }
        }
        writes.add(inbox.messages(members, stored, parents));
        writes.addAll(recordInChatLists(members, stored));
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).thenApply(written -> {
            long now = clock.millis();
            for (ChatMessage message : fresh) {
                metrics.stored(message.getSentAtEpochMillis(), now);
                log.debug("Stored chat_id={} message_id={} seq={}", chatId, message.getMessageId(), message.getSeq());
            }
            return seqs;
        });
    }

    /**
     * One chat-list write per member for the whole batch: the latest message (written USING TIMESTAMP seq, so
     * the order of batches does not matter) and, for a member who sent messages in it, their read watermark
     * at their own latest one.
     */
    private List<CompletableFuture<Void>> recordInChatLists(List<String> members, List<ChatMessage> stored) {
        if (stored.isEmpty()) {
            return List.of();
        }
        ChatMessage latest = stored.get(0);
        Map<String, Long> ownLatest = new HashMap<>();
        for (ChatMessage message : stored) {
            if (message.getSeq() > latest.getSeq()) {
                latest = message;
            }
            ownLatest.merge(message.getSenderUserId(), message.getSeq(), Math::max);
        }
        List<CompletableFuture<Void>> writes = new ArrayList<>(members.size());
        for (String member : members) {
            writes.add(chatLists.recordMessage(member, latest));
            Long own = ownLatest.get(member);
            if (own != null && !member.equals(latest.getSenderUserId())) {
                writes.add(chatLists.markRead(member, latest.getChatId(), own));
            }
        }
        return writes;
    }

    static ChatMessage message(MessageSubmitted submitted, long seq) {
        return ChatMessage.newBuilder()
                .setMessageId(submitted.getMessageId())
                .setChatId(submitted.getChatId())
                .setSeq(seq)
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
        if (GroupChatIds.isGroupChat(submitted.getChatId())) {
            return parseGroupRecord(record, submitted);
        }
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

    /** Group chats: membership is decided when the record is sequenced, so only the shape is checked here. */
    private static MessageSubmitted parseGroupRecord(ConsumerRecord<String, byte[]> record, MessageSubmitted submitted) {
        try {
            Long.parseLong(submitted.getMessageId());
        } catch (NumberFormatException e) {
            throw new PoisonRecordException("malformed message id in MessageSubmitted", e);
        }
        if (!submitted.getChatId().equals(record.key())) {
            throw new PoisonRecordException("record key is not the chat id, message_id=" + submitted.getMessageId());
        }
        if (submitted.getSenderUserId().isEmpty() || submitted.getClientMsgId().isEmpty()) {
            throw new PoisonRecordException("incomplete MessageSubmitted, message_id=" + submitted.getMessageId());
        }
        return submitted;
    }
}
