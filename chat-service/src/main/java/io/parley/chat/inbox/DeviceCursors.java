package io.parley.chat.inbox;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.parley.cassandra.async.AsyncCql;
import java.util.concurrent.CompletableFuture;

/** Each device's sync cursor: the highest inbox_seq it acknowledged, written USING TIMESTAMP <cursor> (never moves back). */
public final class DeviceCursors {

    private final AsyncCql cql;
    private final PreparedStatement select;
    private final PreparedStatement advance;

    DeviceCursors(AsyncCql cql) {
        this.cql = cql;
        this.select = cql.prepare("SELECT acked_inbox_seq FROM device_cursors WHERE user_id = ? AND device_id = ?");
        this.advance = cql.prepare("UPDATE device_cursors USING TIMESTAMP ? SET acked_inbox_seq = ? "
                + "WHERE user_id = ? AND device_id = ?");
    }

    public CompletableFuture<Long> cursor(String userId, String deviceId) {
        return cql.one(select.bind(userId, deviceId)).thenApply(row -> row.map(r -> r.getLong(0)).orElse(0L));
    }

    public CompletableFuture<Void> advance(String userId, String deviceId, long ackedInboxSeq) {
        return cql.execute(advance.bind(ackedInboxSeq, ackedInboxSeq, userId, deviceId));
    }
}
