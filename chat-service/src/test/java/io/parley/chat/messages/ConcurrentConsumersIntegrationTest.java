package io.parley.chat.messages;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.parley.chat.ChatServiceIntegrationTest;
import io.parley.chat.chatlist.ChatListStore;
import io.parley.chat.chats.ChatId;
import io.parley.chat.inbox.InboxPublisher;
import io.parley.chat.sequencing.GaplessSequencer;
import io.parley.chat.sequencing.SequenceTable;
import io.parley.cassandra.async.AsyncCql;
import io.parley.proto.chat.v1.InboxEntry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * After a rebalance, the old owner of a partition (a zombie) may still process records the new owner also
 * processes. Two consumers running over the same records at once must still give every message exactly one
 * seq, gapless, in record order.
 */
class ConcurrentConsumersIntegrationTest extends ChatServiceIntegrationTest {

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
    void twoConsumersOfOnePartitionNeverDuplicateNorSkipASeq() {
        String alice = newUser();
        String bob = newUser();
        ChatId chat = chatOf(alice, bob);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String messageId = Long.toString(9_000_000_000L + System.nanoTime() % 1_000_000_000L * 100 + i);
            records.add(new ConsumerRecord<>(MESSAGES, 0, i, chat.value(),
                    submitted(messageId, chat, alice, "z-" + i).toByteArray()));
        }

        CompletableFuture<Void> owner = CompletableFuture.runAsync(() -> consume(newConsumer(), records));
        CompletableFuture<Void> zombie = CompletableFuture.runAsync(() -> consume(newConsumer(), records));
        owner.join();
        zombie.join();

        assertThat(storedSeqs(chat)).containsExactlyElementsOf(LongStream.rangeClosed(1, 60).boxed().toList());
        List<InboxEntry> bobs = awaitInbox(bob, 60);
        assertThat(bobs).hasSize(60);
        assertThat(bobs).extracting(entry -> entry.getMessage().getClientMsgId())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 60).mapToObj(i -> "z-" + i).toList());
    }

    private MessageProcessor newConsumer() {
        SequenceTable counters = new SequenceTable(cqlHelper, "chat_sequence", "chat_id", "last_message_id");
        return new MessageProcessor(new GaplessSequencer(counters), messages, chatLists, inboxPublisher,
                new SequencingMetrics(new SimpleMeterRegistry()), clock);
    }

    private static void consume(MessageProcessor consumer, List<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            consumer.process(record, Observation.NOOP).join();
        }
    }
}
