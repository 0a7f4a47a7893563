package io.parley.chat.receipts;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.parley.cassandra.async.AsyncCql;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Receipt watermarks per chat member ({@code receipts_by_chat}), each written USING TIMESTAMP of its value so
 * it only ever moves forward, whatever the order of concurrent writes.
 */
final class ReceiptStore {

    private final AsyncCql cql;
    private final PreparedStatement select;
    private final PreparedStatement selectChat;
    private final PreparedStatement delivered;
    private final PreparedStatement read;

    ReceiptStore(AsyncCql cql) {
        this.cql = cql;
        this.select = cql.prepare("SELECT delivered_seq, read_seq FROM receipts_by_chat WHERE chat_id = ? AND user_id = ?");
        this.selectChat = cql.prepare("SELECT user_id, delivered_seq, read_seq FROM receipts_by_chat WHERE chat_id = ?");
        this.delivered = cql.prepare("UPDATE receipts_by_chat USING TIMESTAMP ? SET delivered_seq = ? "
                + "WHERE chat_id = ? AND user_id = ?");
        this.read = cql.prepare("UPDATE receipts_by_chat USING TIMESTAMP ? SET delivered_seq = ?, read_seq = ? "
                + "WHERE chat_id = ? AND user_id = ?");
    }

    CompletableFuture<Watermarks> watermarks(String chatId, String userId) {
        return cql.one(select.bind(chatId, userId))
                .thenApply(row -> row.map(r -> new Watermarks(r.getLong(0), r.getLong(1))).orElse(new Watermarks(0, 0)));
    }

    /** Every member's watermarks of the chat (one partition: at most the members it ever had). */
    CompletableFuture<Map<String, Watermarks>> all(String chatId) {
        return cql.all(selectChat.bind(chatId)).thenApply(rows -> {
            Map<String, Watermarks> watermarks = new HashMap<>();
            rows.forEach(row -> watermarks.put(row.getString(0), new Watermarks(row.getLong(1), row.getLong(2))));
            return watermarks;
        });
    }

    CompletableFuture<Void> advanceDelivered(String chatId, String userId, long seq) {
        return cql.execute(delivered.bind(seq, seq, chatId, userId));
    }

    /** Read implies delivered. */
    CompletableFuture<Void> advanceRead(String chatId, String userId, long seq) {
        return cql.execute(read.bind(seq, seq, seq, chatId, userId));
    }

    record Watermarks(long deliveredSeq, long readSeq) {

        static final Watermarks NONE = new Watermarks(0, 0);

        /** Read implies delivered, whatever order the two columns were written in. */
        boolean delivered(long seq) {
            return deliveredSeq >= seq || readSeq >= seq;
        }

        boolean read(long seq) {
            return readSeq >= seq;
        }
    }
}
