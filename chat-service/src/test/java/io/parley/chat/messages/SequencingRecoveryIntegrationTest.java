package io.parley.chat.messages;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.cql.Row;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.parley.chat.ChatServiceIntegrationTest;
import io.parley.chat.chatlist.ChatListStore;
import io.parley.chat.chats.ChatId;
import io.parley.chat.inbox.InboxPublisher;
import io.parley.chat.kafka.KeyedBatch.Keyed;
import io.parley.chat.sequencing.BatchSequencer;
import io.parley.chat.sequencing.SequenceCounters;
import io.parley.cassandra.async.AsyncCql;
import io.parley.proto.chat.v1.ChatMessage;
import io.parley.proto.chat.v1.InboxEntry;
import io.parley.proto.chat.v1.MessageSubmitted;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The chat sequence has no consensus round per message (docs/messaging-pipeline.md §3): these tests put the
 * store into the state each crash point leaves behind, or run two writers over one partition at once, and
 * check that every message still ends up with exactly one seq, gapless, in record order.
 *
 * <p>Steps of one batch of a chat: (1) read the mark, look the messages up; (2) write the rows and produce
 * the inbox entries; (3) raise the mark; (4) commit the offsets. A crash between 1 and 2 leaves nothing; the
 * states after a partial 2, after 2 and after 3 are built below.
 */
class SequencingRecoveryIntegrationTest extends ChatServiceIntegrationTest {

    private static final AtomicLong IDS = new AtomicLong(8_000_000_000_000L + System.nanoTime() % 1_000_000_000L * 1000);

    @Autowired
    AsyncCql cqlHelper;
    @Autowired
    MessageStore messages;
    @Autowired
    ChatListStore chatLists;
    @Autowired
    InboxPublisher inboxPublisher;
    @Autowired
    Clock clock;

    @Test
    void twoWritersOfOnePartitionNeverDuplicateNorSkipASeq() {
        // After a rebalance the old owner (a zombie) may still process records the new owner processes too.
        String alice = newUser();
        String bob = newUser();
        ChatId chat = chatOf(alice, bob);
        List<ConsumerRecord<String, byte[]>> records = records(chat, alice, 60);

        CompletableFuture<Void> owner = CompletableFuture.runAsync(() -> consumeInBatches(newWriter(), chat, records, 1));
        CompletableFuture<Void> zombie = CompletableFuture.runAsync(() -> consumeInBatches(newWriter(), chat, records, 2));
        owner.join();
        zombie.join();

        assertThat(storedSeqs(chat)).containsExactlyElementsOf(LongStream.rangeClosed(1, 60).boxed().toList());
        assertSeqsFollowRecordOrder(chat, records);
        List<InboxEntry> bobs = awaitInbox(bob, 60);
        assertThat(bobs).extracting(entry -> entry.getMessage().getClientMsgId())
                .containsExactlyElementsOf(IntStream.range(0, 60).mapToObj(i -> "c-" + i).toList());
    }

    @Test
    void aCrashAfterSomeRowsOfABatchReplaysWithTheSameSeqs() {
        String alice = newUser();
        String bob = newUser();
        ChatId chat = chatOf(alice, bob);
        List<ConsumerRecord<String, byte[]>> records = records(chat, alice, 20);
        consume(newWriter(), chat, records.subList(0, 10));
        // The crashed batch (records 10..19, seqs 11..20) wrote some rows of some messages, and no mark.
        for (int i : new int[] {10, 13, 14, 19}) {
            messages.write(stored(records.get(i), i + 1)).join();
        }
        cql.execute("INSERT INTO messages_by_chat (chat_id, bucket, seq, message_id) VALUES (?, 0, 12, ?)",
                chat.value(), Long.parseLong(payload(records.get(11)).getMessageId()));

        consume(newWriter(), chat, records.subList(10, 20));

        assertThat(storedSeqs(chat)).containsExactlyElementsOf(LongStream.rangeClosed(1, 20).boxed().toList());
        assertSeqsFollowRecordOrder(chat, records);
        assertThat(lastSeq(chat)).isEqualTo(20);
    }

    @Test
    void aReplayAfterTheMarkWasRaisedChangesNothing() {
        // Crash after step 3, before the offsets were committed: the whole batch comes again.
        String alice = newUser();
        ChatId chat = chatOf(alice, newUser());
        List<ConsumerRecord<String, byte[]>> records = records(chat, alice, 12);
        consume(newWriter(), chat, records.subList(0, 8));

        consume(newWriter(), chat, records.subList(4, 12));

        assertThat(storedSeqs(chat)).containsExactlyElementsOf(LongStream.rangeClosed(1, 12).boxed().toList());
        assertSeqsFollowRecordOrder(chat, records);
        assertThat(lastSeq(chat)).isEqualTo(12);
    }

    @Test
    void aReplayFromAnOlderOffsetWithAStaleMemoryIsCorrectedByTheLookups() {
        // One writer remembers mark 5 for the chat while another already stored 6..10; its records 6..10 come again.
        String alice = newUser();
        ChatId chat = chatOf(alice, newUser());
        List<ConsumerRecord<String, byte[]>> records = records(chat, alice, 14);
        MessageProcessor lagging = newWriter();
        consume(lagging, chat, records.subList(0, 5));
        consume(newWriter(), chat, records.subList(5, 10));

        consume(lagging, chat, records.subList(5, 14));

        assertThat(storedSeqs(chat)).containsExactlyElementsOf(LongStream.rangeClosed(1, 14).boxed().toList());
        assertSeqsFollowRecordOrder(chat, records);
    }

    private MessageProcessor newWriter() {
        BatchSequencer sequencer = new BatchSequencer(new SequenceCounters(cqlHelper, "chat_last_seq", "chat_sequence",
                "chat_id"));
        return new MessageProcessor(sequencer, messages, chatLists, inboxPublisher,
                new SequencingMetrics(new SimpleMeterRegistry()), clock);
    }

    private static void consumeInBatches(MessageProcessor writer, ChatId chat, List<ConsumerRecord<String, byte[]>> records,
            long seed) {
        Random random = new Random(seed);
        for (int from = 0; from < records.size(); ) {
            int to = Math.min(records.size(), from + 1 + random.nextInt(7));
            consume(writer, chat, records.subList(from, to));
            from = to;
        }
    }

    private static void consume(MessageProcessor writer, ChatId chat, List<ConsumerRecord<String, byte[]>> records) {
        List<Keyed<MessageSubmitted>> batch = records.stream()
                .map(record -> new Keyed<>(record, MessageProcessor.parse(record), Observation.NOOP))
                .toList();
        writer.process(chat.value(), batch).join();
    }

    private static List<ConsumerRecord<String, byte[]>> records(ChatId chat, String sender, int count) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String messageId = Long.toString(IDS.incrementAndGet());
            records.add(new ConsumerRecord<>(MESSAGES, 0, i, chat.value(),
                    submitted(messageId, chat, sender, "c-" + i).toByteArray()));
        }
        return records;
    }

    private static MessageSubmitted payload(ConsumerRecord<String, byte[]> record) {
        return MessageProcessor.parse(record);
    }

    private static ChatMessage stored(ConsumerRecord<String, byte[]> record, long seq) {
        MessageSubmitted submitted = payload(record);
        return ChatMessage.newBuilder().setMessageId(submitted.getMessageId()).setChatId(submitted.getChatId()).setSeq(seq)
                .setSenderUserId(submitted.getSenderUserId()).setSenderDeviceId(submitted.getSenderDeviceId())
                .setClientMsgId(submitted.getClientMsgId()).setContentType(submitted.getContentType())
                .setBody(submitted.getBody()).setSentAtEpochMillis(submitted.getSubmittedAtEpochMillis()).build();
    }

    /** Record i (0-based) holds seq i + 1 in every table that names a message by seq. */
    private void assertSeqsFollowRecordOrder(ChatId chat, List<ConsumerRecord<String, byte[]>> records) {
        for (int i = 0; i < records.size(); i++) {
            long messageId = Long.parseLong(payload(records.get(i)).getMessageId());
            Row byChat = cql.execute("SELECT message_id FROM messages_by_chat WHERE chat_id = ? AND bucket = 0 AND seq = ?",
                    chat.value(), (long) i + 1).one();
            Row byId = cql.execute("SELECT seq FROM message_by_id WHERE message_id = ?", messageId).one();
            assertThat(byChat).as("row of seq %d", i + 1).isNotNull();
            assertThat(byChat.getLong(0)).as("message at seq %d", i + 1).isEqualTo(messageId);
            assertThat(byId).isNotNull();
            assertThat(byId.getLong(0)).isEqualTo(i + 1);
        }
    }

    private long lastSeq(ChatId chat) {
        return cql.execute("SELECT last_seq FROM chat_last_seq WHERE chat_id = ?", chat.value()).one().getLong(0);
    }
}
