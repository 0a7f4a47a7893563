package io.parley.user.storage;

import io.parley.cassandra.async.ReactiveCql;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * A per-user set of other users with the time each was added (contacts, blocks): one partition per
 * owner, clustered by the other user's id, read a page at a time.
 */
public final class UserRelationTable {

    private final ReactiveCql cql;
    private final String insert;
    private final String delete;
    private final String exists;
    private final String firstPage;
    private final String nextPage;

    /** {@code table (user_id uuid, <otherColumn> uuid, <timeColumn> timestamp, PRIMARY KEY (user_id, <otherColumn>))}. */
    public UserRelationTable(ReactiveCql cql, String table, String otherColumn, String timeColumn) {
        this.cql = cql;
        this.insert = "INSERT INTO " + table + " (user_id, " + otherColumn + ", " + timeColumn + ") VALUES (?, ?, ?)";
        this.delete = "DELETE FROM " + table + " WHERE user_id = ? AND " + otherColumn + " = ?";
        this.exists = "SELECT " + otherColumn + " FROM " + table + " WHERE user_id = ? AND " + otherColumn + " = ?";
        String select = "SELECT " + otherColumn + " AS other, " + timeColumn + " AS at FROM " + table + " WHERE user_id = ?";
        this.firstPage = select + " LIMIT ?";
        this.nextPage = select + " AND " + otherColumn + " > ? LIMIT ?";
    }

    public record Entry(UUID userId, Instant at) {
    }

    /** A page of entries and the cursor of the next page (null on the last page). */
    public record Page(List<Entry> items, UUID next) {
    }

    public Mono<Void> add(UUID owner, UUID other, Instant at) {
        return cql.run(insert, owner, other, at);
    }

    public Mono<Void> remove(UUID owner, UUID other) {
        return cql.run(delete, owner, other);
    }

    public Mono<Boolean> contains(UUID owner, UUID other) {
        return cql.one(exists, owner, other).hasElement();
    }

    /** Up to {@code limit} entries after {@code after} (null: from the start). */
    public Mono<Page> page(UUID owner, UUID after, int limit) {
        // One extra row tells whether another page follows.
        return (after == null ? cql.all(firstPage, owner, limit + 1) : cql.all(nextPage, owner, after, limit + 1))
                .map(row -> new Entry(row.getUuid("other"), row.getInstant("at")))
                .collectList()
                .map(entries -> entries.size() > limit
                        ? new Page(entries.subList(0, limit), entries.get(limit - 1).userId())
                        : new Page(entries, null));
    }
}
