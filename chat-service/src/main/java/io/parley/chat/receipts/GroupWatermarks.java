package io.parley.chat.receipts;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * A group member's watermarks: each advance is stored (the watermark, and when it moved, for "who read it and when")
 * and noted for the coalesced counts to the senders; nothing is sent per member.
 */
final class GroupWatermarks {

    private final ReceiptStore receipts;
    private final GroupReceiptTimes times;
    private final GroupReceiptCoalescer coalescer;
    private final Clock clock;

    GroupWatermarks(ReceiptStore receipts, GroupReceiptTimes times, GroupReceiptCoalescer coalescer, Clock clock) {
        this.receipts = receipts;
        this.times = times;
        this.coalescer = coalescer;
        this.clock = clock;
    }

    /** A device of {@code userId} received the chat from {@code after} up to {@code upTo}. */
    CompletableFuture<Void> delivered(String chatId, String userId, long after, long upTo) {
        return times.advanced(chatId, userId, GroupReceiptTimes.DELIVERED, upTo, clock.instant())
                .thenCompose(timed -> receipts.advanceDelivered(chatId, userId, upTo))
                .thenRun(() -> coalescer.changed(chatId, after, upTo));
    }

    /** {@code userId} read the chat up to {@code upTo} (and so received it); the watermarks were {@code before}. */
    CompletableFuture<Void> read(String chatId, String userId, ReceiptStore.Watermarks before, long upTo) {
        CompletableFuture<Void> deliveredTime = before.delivered(upTo) ? CompletableFuture.completedFuture(null)
                : times.advanced(chatId, userId, GroupReceiptTimes.DELIVERED, upTo, clock.instant());
        return deliveredTime
                .thenCompose(timed -> times.advanced(chatId, userId, GroupReceiptTimes.READ, upTo, clock.instant()))
                .thenCompose(timed -> receipts.advanceRead(chatId, userId, upTo))
                .thenRun(() -> coalescer.changed(chatId, Math.min(before.readSeq(), before.deliveredSeq()), upTo));
    }
}
