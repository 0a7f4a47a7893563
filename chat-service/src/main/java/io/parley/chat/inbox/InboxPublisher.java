package io.parley.chat.inbox;

import io.micrometer.observation.Observation;
import io.parley.chat.kafka.KafkaSender;
import io.parley.proto.chat.v1.ChatMessage;
import io.parley.proto.chat.v1.GroupReceipt;
import io.parley.proto.chat.v1.InboxEntry;
import io.parley.proto.chat.v1.MessageRef;
import io.parley.proto.chat.v1.Receipt;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Produces inbox entries (inbox_seq 0: the inbox consumer assigns it) to topic {@code inbox}, keyed by the
 * recipient's user id, and completes once Kafka acknowledged every one of them.
 */
public final class InboxPublisher {

    private final KafkaSender kafka;
    private final String topic;

    public InboxPublisher(KafkaSender kafka, String topic) {
        this.kafka = kafka;
        this.topic = topic;
    }

    /**
     * One entry per recipient per message, produced in message order: a recipient's inbox receives a chat's
     * messages in seq order.
     */
    public CompletableFuture<Void> messages(Collection<String> recipients, List<ChatMessage> messages,
            List<Observation> parents) {
        List<KafkaSender.Outgoing> records = new ArrayList<>(messages.size() * recipients.size());
        for (int i = 0; i < messages.size(); i++) {
            InboxEntry.Builder entry = InboxEntry.newBuilder().setMessage(messages.get(i));
            for (String userId : recipients) {
                records.add(new KafkaSender.Outgoing(userId, entry.setUserId(userId).build().toByteArray(), parents.get(i)));
            }
        }
        return kafka.sendInOrder(topic, records);
    }

    /** A message and who receives it: in a group chat each message has the members at its own seq. */
    public record Addressed(ChatMessage message, Collection<String> recipients, Observation parent) {
    }

    /** One entry per recipient per message, in message order (a recipient's inbox gets a chat in seq order). */
    public CompletableFuture<Void> addressed(List<Addressed> messages) {
        List<KafkaSender.Outgoing> records = new ArrayList<>();
        for (Addressed addressed : messages) {
            InboxEntry.Builder entry = InboxEntry.newBuilder().setMessage(addressed.message());
            for (String userId : addressed.recipients()) {
                records.add(new KafkaSender.Outgoing(userId, entry.setUserId(userId).build().toByteArray(), addressed.parent()));
            }
        }
        return records.isEmpty() ? CompletableFuture.completedFuture(null) : kafka.sendInOrder(topic, records);
    }

    /**
     * Like {@link #addressed}, but each entry is a reference to the stored message, not a copy of it: what a group
     * member's inbox holds (messaging-pipeline §12). The messages' rows must be written before.
     */
    public CompletableFuture<Void> references(List<Addressed> messages) {
        List<KafkaSender.Outgoing> records = new ArrayList<>();
        for (Addressed addressed : messages) {
            ChatMessage message = addressed.message();
            InboxEntry.Builder entry = InboxEntry.newBuilder().setMessageRef(MessageRef.newBuilder()
                    .setChatId(message.getChatId()).setSeq(message.getSeq()).setMessageId(message.getMessageId())
                    .setSenderUserId(message.getSenderUserId()).setSentAtEpochMillis(message.getSentAtEpochMillis()));
            for (String userId : addressed.recipients()) {
                records.add(new KafkaSender.Outgoing(userId, entry.setUserId(userId).build().toByteArray(), addressed.parent()));
            }
        }
        return records.isEmpty() ? CompletableFuture.completedFuture(null) : kafka.sendInOrder(topic, records);
    }

    /** A group chat's receipt counts for {@code userId}'s own messages (messaging-pipeline §6, "Group receipts"). */
    public CompletableFuture<Void> groupReceipt(String userId, GroupReceipt receipt) {
        return publish(List.of(userId), InboxEntry.newBuilder().setGroupReceipt(receipt), null);
    }

    public CompletableFuture<Void> receipt(Collection<String> recipients, Receipt receipt, Observation parent) {
        return publish(recipients, InboxEntry.newBuilder().setReceipt(receipt), parent);
    }

    private CompletableFuture<Void> publish(Collection<String> recipients, InboxEntry.Builder entry, Observation parent) {
        CompletableFuture<?>[] sends = recipients.stream()
                .map(userId -> kafka.send(topic, userId, entry.setUserId(userId).build().toByteArray(), parent))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(sends);
    }
}
