package io.parley.chat.sequencing;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.parley.cassandra.async.AsyncCql;
import java.util.concurrent.CompletableFuture;

/**
 * The high-water mark of each key's sequence (a chat's seq, a user's inbox_seq): the highest seq whose item
 * and every item before it are fully written. It is written once per key per consumer batch, after that
 * batch's rows, with a plain write {@code USING TIMESTAMP <last_seq>}: the highest mark wins whatever the
 * order writes arrive in, so a late writer can never move it back.
 *
 * <p>Counters of the first release were advanced by compare-and-set in {@code legacyTable} with wall-clock
 * cell timestamps; they are read as a floor so an upgraded deployment continues where it stopped.
 */
public final class SequenceCounters {

    private final AsyncCql cql;
    private final PreparedStatement read;
    private final PreparedStatement readLegacy;
    private final PreparedStatement write;

    public SequenceCounters(AsyncCql cql, String table, String legacyTable, String keyColumn) {
        this.cql = cql;
        this.read = cql.prepare("SELECT last_seq FROM %s WHERE %s = ?".formatted(table, keyColumn));
        this.readLegacy = cql.prepare("SELECT last_seq FROM %s WHERE %s = ?".formatted(legacyTable, keyColumn));
        this.write = cql.prepare("UPDATE %s USING TIMESTAMP ? SET last_seq = ? WHERE %s = ?".formatted(table, keyColumn));
    }

    /**
     * The key's last seq, 0 if it has none. A key's first mark here starts from the legacy counter and only
     * grows, so the legacy table is read only for a key that has no mark here yet.
     */
    public CompletableFuture<Long> lastSeq(String key) {
        return cql.one(read.bind(key)).thenCompose(row -> row.isPresent()
                ? CompletableFuture.completedFuture(row.get().getLong(0))
                : cql.one(readLegacy.bind(key)).thenApply(legacy -> legacy.map(r -> r.getLong(0)).orElse(0L)));
    }

    /** Raises the key's mark to {@code lastSeq}; a lower value than the stored one changes nothing. */
    public CompletableFuture<Void> advance(String key, long lastSeq) {
        return cql.execute(write.bind(lastSeq, lastSeq, key));
    }
}
