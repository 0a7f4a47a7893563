package io.parley.chat.receipts;

import io.micrometer.observation.Observation;
import io.parley.chat.chats.ChatId;
import io.parley.chat.chats.GroupChatIds;
import io.parley.chat.error.ChatException;
import io.parley.chat.inbox.CoveredEntry;
import io.parley.chat.inbox.DeviceCursors;
import io.parley.chat.inbox.InboxPublisher;
import io.parley.chat.inbox.InboxReader;
import io.parley.proto.chat.v1.AckInboxRequest;
import io.parley.proto.chat.v1.AckInboxResponse;
import io.parley.proto.chat.v1.Receipt;
import io.parley.proto.chat.v1.ReceiptKind;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * AckInbox: a device received its inbox up to a cursor. For the messages of other users this newly covers,
 * the user's delivered watermark of each chat advances and the chat's other members get a DELIVERED receipt
 * (not one who blocks or is blocked by the user: {@link ReceiptRecipients}). In a group chat the watermark moves and
 * the change is noted for the coalesced counts to the senders ({@link GroupWatermarks}), never a receipt per member.
 * Receipts are produced before the cursor moves, so a failed ack is retried in full.
 *
 * <p>An ack costs what it covers: the rows after the device's cursor (their reference columns, not the bodies),
 * and per chat with news one receipt and one watermark write. The cursor and watermarks this instance stored last
 * are remembered ({@link AckProgress}), so a steady stream of acks reads nothing else. A cursor beyond the newest
 * stored row stops at that row.
 */
final class AckInboxHandler {

    private static final int PAGE = 500;

    private final InboxReader inbox;
    private final DeviceCursors cursors;
    private final ReceiptStore receipts;
    private final InboxPublisher publisher;
    private final ReceiptRecipients recipients;
    private final AckProgress progress;
    private final GroupWatermarks groups;
    private final Clock clock;

    AckInboxHandler(InboxReader inbox, DeviceCursors cursors, ReceiptStore receipts, InboxPublisher publisher,
            ReceiptRecipients recipients, AckProgress progress, GroupWatermarks groups, Clock clock) {
        this.inbox = inbox;
        this.cursors = cursors;
        this.receipts = receipts;
        this.publisher = publisher;
        this.recipients = recipients;
        this.progress = progress;
        this.groups = groups;
        this.clock = clock;
    }

    CompletableFuture<AckInboxResponse> ack(AckInboxRequest request, Observation parent) {
        String userId = request.getUserId();
        String deviceId = request.getDeviceId();
        ChatException.require("user_id", userId);
        ChatException.require("device_id", deviceId);
        ChatException.requireNotNegative("up_to_inbox_seq", request.getUpToInboxSeq());
        long upTo = request.getUpToInboxSeq();
        return cursor(userId, deviceId).thenCompose(acked -> {
            if (upTo <= acked) {
                return CompletableFuture.completedFuture(response(acked));
            }
            return covered(userId, acked, upTo, new Coverage(acked)).thenCompose(coverage -> {
                if (coverage.last == acked) {
                    return CompletableFuture.completedFuture(response(acked));
                }
                return delivered(userId, coverage.chats, parent)
                        .thenCompose(receipted -> cursors.advance(userId, deviceId, coverage.last))
                        .thenApply(advanced -> {
                            progress.cursorStored(userId, deviceId, coverage.last);
                            return response(coverage.last);
                        });
            });
        });
    }

    private CompletableFuture<Long> cursor(String userId, String deviceId) {
        OptionalLong remembered = progress.cursor(userId, deviceId);
        return remembered.isPresent()
                ? CompletableFuture.completedFuture(remembered.getAsLong())
                : cursors.cursor(userId, deviceId);
    }

    /** Per chat, the highest seq of another user's message among the rows in {@code (after, upTo]}. */
    private CompletableFuture<Coverage> covered(String userId, long after, long upTo, Coverage coverage) {
        return inbox.coverage(userId, after, upTo, PAGE).thenCompose(rows -> {
            for (CoveredEntry row : rows) {
                coverage.add(userId, row);
            }
            return rows.size() < PAGE
                    ? CompletableFuture.completedFuture(coverage)
                    : covered(userId, coverage.last, upTo, coverage);
        });
    }

    private CompletableFuture<Void> delivered(String userId, Map<String, Long> chats, Observation parent) {
        List<CompletableFuture<Void>> updates = chats.entrySet().stream()
                .map(chat -> deliveredSeq(chat.getKey(), userId).thenCompose(deliveredSeq -> {
                    long seq = chat.getValue();
                    if (seq <= deliveredSeq) {
                        return CompletableFuture.<Void>completedFuture(null);
                    }
                    if (GroupChatIds.isGroupChat(chat.getKey())) {
                        return groups.delivered(chat.getKey(), userId, deliveredSeq, seq)
                                .thenRun(() -> progress.deliveredStored(chat.getKey(), userId, seq));
                    }
                    Receipt receipt = Receipt.newBuilder().setChatId(chat.getKey()).setUserId(userId)
                            .setKind(ReceiptKind.RECEIPT_KIND_DELIVERED).setUpToSeq(seq).setAtEpochMillis(clock.millis())
                            .build();
                    return recipients.of(ChatId.parse(chat.getKey()), userId)
                            .thenCompose(others -> publisher.receipt(others, receipt, parent))
                            .thenCompose(published -> receipts.advanceDelivered(chat.getKey(), userId, seq))
                            .thenRun(() -> progress.deliveredStored(chat.getKey(), userId, seq));
                }))
                .toList();
        return CompletableFuture.allOf(updates.toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<Long> deliveredSeq(String chatId, String userId) {
        OptionalLong remembered = progress.delivered(chatId, userId);
        return remembered.isPresent()
                ? CompletableFuture.completedFuture(remembered.getAsLong())
                : receipts.watermarks(chatId, userId).thenApply(ReceiptStore.Watermarks::deliveredSeq);
    }

    private static AckInboxResponse response(long acked) {
        return AckInboxResponse.newBuilder().setAckedInboxSeq(acked).build();
    }

    /** The chats an ack newly covers and the last row it covers ({@code after} when none). */
    private static final class Coverage {

        private final Map<String, Long> chats = new HashMap<>();
        private long last;

        Coverage(long after) {
            this.last = after;
        }

        void add(String userId, CoveredEntry row) {
            last = row.inboxSeq();
            if (row.isMessageFromOtherThan(userId)) {
                chats.merge(row.chatId(), row.chatSeq(), Math::max);
            }
        }
    }
}
