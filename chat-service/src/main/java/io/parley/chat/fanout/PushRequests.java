package io.parley.chat.fanout;

import io.micrometer.core.instrument.MeterRegistry;
import io.parley.chat.kafka.KafkaSender;
import io.parley.proto.chat.v1.InboxEntry;
import io.parley.proto.chat.v1.PushRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks push-service to wake the devices of a user that could not be reached (naming those that were), for new
 * messages from others (never for receipts, never for the user's own messages), in chats the user has not muted and
 * has not read that far. Best effort: a lost push request loses a notification, not a message, which stays in the inbox.
 *
 * <p>When some device of the user took the messages live, the user is active elsewhere: the request is held for
 * {@code heldWhileOnline} first, and the read watermark is checked after it, so reading on the laptop before then
 * means the phone is not woken. At most {@code maxHeld} requests are held per instance; beyond, they are checked and
 * produced at once (a notification that could have been spared, never one lost, and a bounded heap).
 */
final class PushRequests implements PushFallback {

    private static final Logger log = LoggerFactory.getLogger(PushRequests.class);

    private final KafkaSender kafka;
    private final String topic;
    private final PushChecks checks;
    private final Duration heldWhileOnline;
    private final int maxHeld;
    private final AtomicInteger held = new AtomicInteger();
    private final MeterRegistry meters;
    private final Clock clock;

    PushRequests(KafkaSender kafka, String topic, PushChecks checks, Duration heldWhileOnline, int maxHeld,
            MeterRegistry meters, Clock clock) {
        this.kafka = kafka;
        this.topic = topic;
        this.checks = checks;
        this.heldWhileOnline = heldWhileOnline;
        this.maxHeld = maxHeld;
        this.meters = meters;
        this.clock = clock;
        meters.gauge("parley.chat.fanout.push.held", held);
    }

    @Override
    public boolean worthPushing(String userId, List<InboxEntry> entries) {
        return entries.stream().anyMatch(entry -> worthPushing(userId, entry));
    }

    @Override
    public CompletableFuture<Void> request(String userId, List<InboxEntry> entries, Set<String> reachedDevices) {
        List<InboxEntry> worth = entries.stream().filter(entry -> worthPushing(userId, entry)).toList();
        if (reachedDevices.isEmpty() || heldWhileOnline.isZero()) {
            return checkAndProduce(userId, worth, reachedDevices);
        }
        if (held.incrementAndGet() > maxHeld) {
            held.decrementAndGet();
            return checkAndProduce(userId, worth, reachedDevices);
        }
        // Not on the user's delivery queue: their next batches must not wait for this.
        CompletableFuture.runAsync(() -> { },
                        CompletableFuture.delayedExecutor(heldWhileOnline.toMillis(), TimeUnit.MILLISECONDS))
                .thenCompose(due -> checkAndProduce(userId, worth, reachedDevices))
                .whenComplete((done, failure) -> held.decrementAndGet());
        return CompletableFuture.completedFuture(null);
    }

    private CompletableFuture<Void> checkAndProduce(String userId, List<InboxEntry> entries, Set<String> reachedDevices) {
        Map<String, List<InboxEntry>> byChat = new LinkedHashMap<>();
        entries.forEach(entry -> byChat.computeIfAbsent(entry.getMessage().getChatId(), chat -> new ArrayList<>())
                .add(entry));
        CompletableFuture<?>[] chats = byChat.entrySet().stream()
                .map(chat -> checks.of(userId, chat.getKey()).thenCompose(push -> produce(userId, chat.getValue(), push,
                        reachedDevices)))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(chats);
    }

    private CompletableFuture<Void> produce(String userId, List<InboxEntry> entries, PushChecks.ChatPush push,
            Set<String> reachedDevices) {
        Instant now = clock.instant();
        if (push.state().mutedAt(now)) {
            meters.counter("parley.chat.fanout.push.skipped", "reason", "muted").increment(entries.size());
            return CompletableFuture.completedFuture(null);
        }
        List<InboxEntry> unread = entries.stream().filter(entry -> entry.getMessage().getSeq() > push.state().readSeq()).toList();
        if (unread.size() < entries.size()) {
            meters.counter("parley.chat.fanout.push.skipped", "reason", "read").increment(entries.size() - unread.size());
        }
        CompletableFuture<?>[] sends = unread.stream()
                .map(entry -> kafka.send(topic, userId, PushRequest.newBuilder()
                                .setUserId(userId)
                                .setEntry(withoutBody(entry))
                                .setRequestedAtEpochMillis(now.toEpochMilli())
                                .addAllReachedDeviceIds(reachedDevices)
                                .setChatName(push.chatName())
                                .setUnreadInChat(Math.max(1, entry.getMessage().getSeq() - push.state().readSeq()))
                                .setPreview(PushPreview.of(entry.getMessage()))
                                .build().toByteArray(), null)
                        .exceptionally(failure -> {
                            log.warn("Push request not produced user_inbox_seq={}: {}", entry.getInboxSeq(), failure.toString());
                            return null;
                        }))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(sends);
    }

    /**
     * push-service never shows a body (it may be end-to-end encrypted; a plain text one travels as the short
     * {@code preview}): it need not travel, nor wait here in memory.
     */
    private static InboxEntry withoutBody(InboxEntry entry) {
        return entry.toBuilder().setMessage(entry.getMessage().toBuilder().clearBody()).build();
    }

    private static boolean worthPushing(String userId, InboxEntry entry) {
        return entry.hasMessage() && !entry.getMessage().getSenderUserId().equals(userId);
    }
}
