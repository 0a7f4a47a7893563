package io.parley.chat.receipts;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.parley.cassandra.async.AsyncCql;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * When each group member's watermarks advanced ({@code group_receipt_times}): one row per advance, never one per
 * message. The time a member received or read seq {@code s} is that of their first advance at or above {@code s}.
 */
final class GroupReceiptTimes {

    static final String DELIVERED = "delivered";
    static final String READ = "read";

    private final AsyncCql cql;
    private final PreparedStatement insert;
    private final PreparedStatement firstAtOrAbove;

    GroupReceiptTimes(AsyncCql cql) {
        this.cql = cql;
        this.insert = cql.prepare("INSERT INTO group_receipt_times (chat_id, user_id, kind, up_to_seq, at) VALUES (?, ?, ?, ?, ?)");
        this.firstAtOrAbove = cql.prepare("SELECT at FROM group_receipt_times WHERE chat_id = ? AND user_id = ? AND kind = ? "
                + "AND up_to_seq >= ? LIMIT 1");
    }

    CompletableFuture<Void> advanced(String chatId, String userId, String kind, long upToSeq, Instant at) {
        return cql.execute(insert.bind(chatId, userId, kind, upToSeq, at));
    }

    /** When the member's {@code kind} watermark first reached {@code seq}; empty if no advance was recorded. */
    CompletableFuture<Optional<Instant>> reached(String chatId, String userId, String kind, long seq) {
        return cql.one(firstAtOrAbove.bind(chatId, userId, kind, seq)).thenApply(row -> row.map(r -> r.getInstant(0)));
    }
}
