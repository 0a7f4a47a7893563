package io.parley.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.chat.chats.ChatId;
import io.parley.proto.chat.v1.InboxEntry;
import io.parley.proto.chat.v1.MessageSubmitted;
import io.parley.proto.chat.v1.SendResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;

/** Per-chat gapless sequences under concurrency, re-delivery, crash windows, restarts and poison records. */
class SequencingIntegrationTest extends ChatServiceIntegrationTest {

    private static final String MESSAGES_LISTENER = "chat-messages";

    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void twoHundredMessagesFromTwoConcurrentSendersGetSeqsOneToTwoHundred() {
        String alice = newUser();
        String bob = newUser();
        ChatId chat = chatOf(alice, bob);

        CompletableFuture<List<SendResponse>> phone = CompletableFuture.supplyAsync(() -> sendMany(alice, "phone", chat, 100));
        CompletableFuture<List<SendResponse>> laptop = CompletableFuture.supplyAsync(() -> sendMany(alice, "laptop", chat, 100));
        List<SendResponse> sent = new ArrayList<>(phone.join());
        sent.addAll(laptop.join());

        awaitStored(chat, 200);
        assertThat(storedSeqs(chat)).containsExactlyElementsOf(LongStream.rangeClosed(1, 200).boxed().toList());
        assertThat(sent.stream().map(SendResponse::getMessageId).distinct()).hasSize(200);
        List<InboxEntry> bobs = awaitInbox(bob, 200);
        assertThat(bobs).extracting(InboxEntry::getInboxSeq).containsExactlyElementsOf(LongStream.rangeClosed(1, 200).boxed().toList());
        assertThat(bobs).extracting(entry -> entry.getMessage().getSeq())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 200).boxed().toList());
        assertThat(bobs).extracting(entry -> entry.getMessage().getMessageId())
                .containsExactlyInAnyOrderElementsOf(sent.stream().map(SendResponse::getMessageId).toList());
    }

    @Test
    void aReDeliveredRecordKeepsItsSeqAndCreatesNothingNew() throws Exception {
        String alice = newUser();
        String bob = newUser();
        ChatId chat = chatOf(alice, bob);
        List<SendResponse> sent = sendMany(alice, "phone", chat, 3);
        awaitStored(chat, 3);

        ConsumerRecord<String, byte[]> second = recordOf(chat, sent.get(1).getMessageId());
        kafka.send(MESSAGES, second.key(), second.value()).get();
        kafka.send(MESSAGES, second.key(), second.value()).get();
        send(alice, "phone", chat, "barrier", "after the duplicates");

        awaitStored(chat, 4);
        assertThat(storedSeqs(chat)).containsExactly(1L, 2L, 3L, 4L);
        List<InboxEntry> bobs = awaitInbox(bob, 4);
        assertThat(bobs).extracting(entry -> entry.getMessage().getSeq()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(bobs).extracting(InboxEntry::getInboxSeq).containsExactly(1L, 2L, 3L, 4L);
        assertThat(bobs.get(1).getMessage().getMessageId()).isEqualTo(sent.get(1).getMessageId());
    }

    @Test
    void aMessageWhoseSeqWasTakenBeforeACrashResumesThatSeq() throws Exception {
        String alice = newUser();
        String bob = newUser();
        ChatId chat = chatOf(alice, bob);
        SendResponse first = send(alice, "phone", chat, "first", "one");
        awaitStored(chat, 1);
        // A consumer took seq 2 for message 777 (compare-and-set applied), then died before writing anything.
        String orphan = Long.toString(java.util.concurrent.ThreadLocalRandom.current().nextLong(1L << 50, 1L << 60));
        cql.execute("UPDATE chat_sequence SET last_seq = 2, last_message_id = ? WHERE chat_id = ? IF last_seq = 1",
                orphan, chat.value());

        kafka.send(MESSAGES, chat.value(), submitted(orphan, chat, alice, "orphan").toByteArray()).get();
        send(alice, "phone", chat, "third", "three");

        awaitStored(chat, 3);
        assertThat(storedSeqs(chat)).containsExactly(1L, 2L, 3L);
        List<InboxEntry> bobs = awaitInbox(bob, 3);
        assertThat(bobs).extracting(entry -> entry.getMessage().getSeq()).containsExactly(1L, 2L, 3L);
        assertThat(bobs.get(0).getMessage().getMessageId()).isEqualTo(first.getMessageId());
        assertThat(bobs.get(1).getMessage().getMessageId()).isEqualTo(orphan);
        assertThat(cql.execute("SELECT seq FROM message_by_id WHERE message_id = ?", Long.parseLong(orphan)).one().getLong(0))
                .isEqualTo(2L);
    }

    @Test
    void aConsumerStoppedMidStreamContinuesWithoutGapOrDuplicate() {
        String alice = newUser();
        String bob = newUser();
        ChatId chat = chatOf(alice, bob);
        MessageListenerContainer container = listeners.getListenerContainer(MESSAGES_LISTENER);
        AtomicInteger sentCount = new AtomicInteger();

        CompletableFuture<List<SendResponse>> sending = CompletableFuture.supplyAsync(() -> {
            List<SendResponse> sent = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                sent.add(send(alice, "phone", chat, "m-" + i, "message " + i));
                sentCount.incrementAndGet();
            }
            return sent;
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> storedSeqs(chat).size() >= 20);
        container.stop();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> sentCount.get() >= 80);
        } finally {
            container.start();
        }
        sending.join();

        awaitStored(chat, 120);
        assertThat(storedSeqs(chat)).containsExactlyElementsOf(LongStream.rangeClosed(1, 120).boxed().toList());
        assertThat(awaitInbox(bob, 120)).extracting(entry -> entry.getMessage().getClientMsgId())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 120).mapToObj(i -> "m-" + i).toList());
    }

    @Test
    void seekingBackReprocessesRecordsWithoutChangingAnything() throws Exception {
        String alice = newUser();
        String bob = newUser();
        ChatId chat = chatOf(alice, bob);
        sendMany(alice, "phone", chat, 10);
        awaitStored(chat, 10);
        awaitInbox(bob, 10);
        List<InboxEntry> before = inbox(bob);
        TopicPartition partition = new TopicPartition(MESSAGES, partitionOf(chat, 4));

        MessageListenerContainer container = listeners.getListenerContainer(MESSAGES_LISTENER);
        container.stop();
        try (Admin admin = Admin.create(adminProperties())) {
            admin.alterConsumerGroupOffsets("chat-service.messages", Map.of(partition, new OffsetAndMetadata(0))).all().get();
        } finally {
            container.start();
        }
        send(alice, "phone", chat, "barrier", "after the replay");

        awaitStored(chat, 11);
        assertThat(storedSeqs(chat)).containsExactlyElementsOf(LongStream.rangeClosed(1, 11).boxed().toList());
        List<InboxEntry> after = awaitInbox(bob, 11);
        assertThat(after).hasSize(11);
        assertThat(after.subList(0, 10)).isEqualTo(before);
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndItsPartitionMovesOn() throws Exception {
        String alice = newUser();
        String bob = newUser();
        ChatId chat = chatOf(alice, bob);
        byte[] poison = {0x0a, (byte) 0xff, 0x01, 0x02};

        kafka.send(MESSAGES, chat.value(), poison).get();
        send(alice, "phone", chat, "after-poison", "still flowing");

        awaitStored(chat, 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> topics().readAll(MESSAGES + ".DLT").stream()
                .anyMatch(record -> chat.value().equals(record.key())));
        assertThat(storedSeqs(chat)).containsExactly(1L);
    }

    private ConsumerRecord<String, byte[]> recordOf(ChatId chat, String messageId) {
        return topics().readAll(MESSAGES).stream()
                .filter(record -> chat.value().equals(record.key()))
                .filter(record -> parse(record).getMessageId().equals(messageId))
                .findFirst().orElseThrow();
    }

    private static MessageSubmitted parse(ConsumerRecord<String, byte[]> record) {
        try {
            return MessageSubmitted.parseFrom(record.value());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static int partitionOf(ChatId chat, int partitions) {
        return Utils.toPositive(Utils.murmur2(chat.value().getBytes(java.nio.charset.StandardCharsets.UTF_8))) % partitions;
    }

    private static Properties adminProperties() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        return properties;
    }
}
