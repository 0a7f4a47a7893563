package io.parley.presence.lastseen;

import io.parley.cassandra.async.ReactiveCql;
import java.time.Instant;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Last seen, durably ({@code last_seen}): Redis keeps the live copy, this one survives Redis losing it. */
@Component
public class LastSeenStore {

    private final ReactiveCql cql;

    LastSeenStore(ReactiveCql cql) {
        this.cql = cql;
    }

    /** Written USING TIMESTAMP of the value, so an older last seen written late never replaces a newer one. */
    public Mono<Void> save(String userId, long lastSeenEpochMillis) {
        return cql.run("INSERT INTO last_seen (user_id, last_seen_at) VALUES (?, ?) USING TIMESTAMP ?", userId,
                Instant.ofEpochMilli(lastSeenEpochMillis), lastSeenEpochMillis * 1000);
    }

    /** The stored last seen, or empty if the user was never seen offline. */
    public Mono<Long> find(String userId) {
        return cql.one("SELECT last_seen_at FROM last_seen WHERE user_id = ?", userId)
                .mapNotNull(row -> row.getInstant("last_seen_at"))
                .map(Instant::toEpochMilli);
    }
}
