package io.parley.chat.receipts;

import io.micrometer.observation.Observation;
import io.parley.chat.chats.ChatId;
import io.parley.chat.error.ChatException;
import io.parley.chat.inbox.DeviceCursors;
import io.parley.chat.inbox.InboxPublisher;
import io.parley.chat.inbox.InboxReader;
import io.parley.proto.chat.v1.AckInboxRequest;
import io.parley.proto.chat.v1.AckInboxResponse;
import io.parley.proto.chat.v1.InboxEntry;
import io.parley.proto.chat.v1.Receipt;
import io.parley.proto.chat.v1.ReceiptKind;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * AckInbox: a device received its inbox up to a cursor. For the messages of other users this newly covers,
 * the user's delivered watermark of each chat advances and the chat's other members get a DELIVERED receipt.
 * Receipts are produced before the cursor moves, so a failed ack is retried in full.
 */
final class AckInboxHandler {

    private static final int PAGE = 500;

    private final InboxReader inbox;
    private final DeviceCursors cursors;
    private final ReceiptStore receipts;
    private final InboxPublisher publisher;
    private final Clock clock;

    AckInboxHandler(InboxReader inbox, DeviceCursors cursors, ReceiptStore receipts, InboxPublisher publisher, Clock clock) {
        this.inbox = inbox;
        this.cursors = cursors;
        this.receipts = receipts;
        this.publisher = publisher;
        this.clock = clock;
    }

    CompletableFuture<AckInboxResponse> ack(AckInboxRequest request, Observation parent) {
        String userId = request.getUserId();
        String deviceId = request.getDeviceId();
        ChatException.require("user_id", userId);
        ChatException.require("device_id", deviceId);
        ChatException.requireNotNegative("up_to_inbox_seq", request.getUpToInboxSeq());
        return inbox.latestSeq(userId).thenCombine(cursors.cursor(userId, deviceId), (latest, acked) -> new long[] {
                Math.min(request.getUpToInboxSeq(), latest), acked}).thenCompose(range -> {
                    long target = range[0];
                    long acked = range[1];
                    if (target <= acked) {
                        return CompletableFuture.completedFuture(response(acked));
                    }
                    return newlyDelivered(userId, acked, target, new HashMap<>())
                            .thenCompose(chats -> delivered(userId, chats, parent))
                            .thenCompose(receipted -> cursors.advance(userId, deviceId, target))
                            .thenApply(advanced -> response(target));
                });
    }

    /** Per chat, the highest seq of another user's message among the entries in {@code (after, upTo]}. */
    private CompletableFuture<Map<String, Long>> newlyDelivered(String userId, long after, long upTo, Map<String, Long> chats) {
        return inbox.entries(userId, after, upTo, PAGE).thenCompose(entries -> {
            for (InboxEntry entry : entries) {
                if (entry.hasMessage() && !entry.getMessage().getSenderUserId().equals(userId)) {
                    chats.merge(entry.getMessage().getChatId(), entry.getMessage().getSeq(), Math::max);
                }
            }
            return entries.size() < PAGE
                    ? CompletableFuture.completedFuture(chats)
                    : newlyDelivered(userId, entries.get(entries.size() - 1).getInboxSeq(), upTo, chats);
        });
    }

    private CompletableFuture<Void> delivered(String userId, Map<String, Long> chats, Observation parent) {
        List<CompletableFuture<Void>> updates = chats.entrySet().stream()
                .map(chat -> receipts.watermarks(chat.getKey(), userId).thenCompose(watermarks -> {
                    long seq = chat.getValue();
                    if (seq <= watermarks.deliveredSeq()) {
                        return CompletableFuture.<Void>completedFuture(null);
                    }
                    Receipt receipt = Receipt.newBuilder().setChatId(chat.getKey()).setUserId(userId)
                            .setKind(ReceiptKind.RECEIPT_KIND_DELIVERED).setUpToSeq(seq).setAtEpochMillis(clock.millis())
                            .build();
                    return publisher.receipt(ChatId.parse(chat.getKey()).membersOtherThan(userId), receipt, parent)
                            .thenCompose(published -> receipts.advanceDelivered(chat.getKey(), userId, seq));
                }))
                .toList();
        return CompletableFuture.allOf(updates.toArray(CompletableFuture[]::new));
    }

    private static AckInboxResponse response(long acked) {
        return AckInboxResponse.newBuilder().setAckedInboxSeq(acked).build();
    }
}
