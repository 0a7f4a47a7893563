package io.parley.chat.fanout;

import io.parley.chat.kafka.KafkaSender;
import io.parley.proto.chat.v1.InboxEntry;
import io.parley.proto.chat.v1.PushRequest;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks push-service to wake a user none of whose devices could be reached, for new messages from others
 * (never for receipts, never for the user's own messages). Best effort: a lost push request loses a
 * notification, not a message, which stays in the inbox.
 */
final class PushRequests implements PushFallback {

    private static final Logger log = LoggerFactory.getLogger(PushRequests.class);

    private final KafkaSender kafka;
    private final String topic;
    private final Clock clock;

    PushRequests(KafkaSender kafka, String topic, Clock clock) {
        this.kafka = kafka;
        this.topic = topic;
        this.clock = clock;
    }

    @Override
    public boolean worthPushing(String userId, List<InboxEntry> entries) {
        return entries.stream().anyMatch(entry -> worthPushing(userId, entry));
    }

    @Override
    public CompletableFuture<Void> request(String userId, List<InboxEntry> entries) {
        CompletableFuture<?>[] sends = entries.stream()
                .filter(entry -> worthPushing(userId, entry))
                .map(entry -> kafka.send(topic, userId, PushRequest.newBuilder()
                                .setUserId(userId)
                                .setEntry(entry)
                                .setRequestedAtEpochMillis(clock.millis())
                                .build().toByteArray(), null)
                        .exceptionally(failure -> {
                            log.warn("Push request not produced user_inbox_seq={}: {}", entry.getInboxSeq(), failure.toString());
                            return null;
                        }))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(sends);
    }

    private static boolean worthPushing(String userId, InboxEntry entry) {
        return entry.hasMessage() && !entry.getMessage().getSenderUserId().equals(userId);
    }
}
