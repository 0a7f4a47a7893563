package io.parley.chat.sequencing;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.parley.cassandra.async.AsyncCql;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A table of gapless counters {@code (key, last_seq, last_item)} advanced by lightweight transactions.
 * Reads are SERIAL so they see (and complete) any compare-and-set in progress.
 */
public final class SequenceTable {

    private final AsyncCql cql;
    private final PreparedStatement read;
    private final PreparedStatement create;
    private final PreparedStatement advance;

    public SequenceTable(AsyncCql cql, String table, String keyColumn, String itemColumn) {
        this.cql = cql;
        this.read = cql.prepare("SELECT last_seq, %s FROM %s WHERE %s = ?".formatted(itemColumn, table, keyColumn));
        this.create = cql.prepare("INSERT INTO %s (%s, last_seq, %s) VALUES (?, ?, ?) IF NOT EXISTS"
                .formatted(table, keyColumn, itemColumn));
        this.advance = cql.prepare("UPDATE %s SET last_seq = ?, %s = ? WHERE %s = ? IF last_seq = ?"
                .formatted(table, itemColumn, keyColumn));
    }

    public CompletableFuture<Optional<SequenceState>> read(String key) {
        return cql.one(read.bind(key).setConsistencyLevel(DefaultConsistencyLevel.LOCAL_SERIAL))
                .thenApply(row -> row.map(r -> new SequenceState(r.getLong(0), r.getString(1))));
    }

    /** Compare-and-set from {@code expectedLastSeq} (0: the row must not exist) to {@code seq}; true if applied. */
    public CompletableFuture<Boolean> advance(String key, long expectedLastSeq, long seq, String item) {
        return expectedLastSeq == 0
                ? cql.applied(create.bind(key, seq, item))
                : cql.applied(advance.bind(seq, item, key, expectedLastSeq));
    }

    /** The last seq handed out, 0 if none; a plain (not serial) read for queries that tolerate a stale answer. */
    public CompletableFuture<Long> lastSeq(String key) {
        return cql.one(read.bind(key)).thenApply(row -> row.map(r -> r.getLong(0)).orElse(0L));
    }
}
