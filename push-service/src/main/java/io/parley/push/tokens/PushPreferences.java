package io.parley.push.tokens;

import io.parley.cassandra.async.ReactiveCql;
import java.time.Clock;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * {@code push_preferences}: a user's choices for the notifications of all their devices. Today one: whether a
 * notification may show the start of a plain-text message ({@code preview}, off unless the user turned it on).
 */
public class PushPreferences {

    private final ReactiveCql cql;
    private final Clock clock;

    public PushPreferences(ReactiveCql cql, Clock clock) {
        this.cql = cql;
        this.clock = clock;
    }

    /** Whether the user allowed previews; false when they never chose. */
    public Mono<Boolean> previewAllowed(UUID userId) {
        return cql.one("SELECT preview FROM push_preferences WHERE user_id = ?", userId)
                .map(row -> row.getBoolean("preview"))
                .defaultIfEmpty(false);
    }

    Mono<Void> setPreview(UUID userId, boolean allowed) {
        return cql.run("INSERT INTO push_preferences (user_id, preview, updated_at) VALUES (?, ?, ?)", userId, allowed,
                clock.instant());
    }
}
