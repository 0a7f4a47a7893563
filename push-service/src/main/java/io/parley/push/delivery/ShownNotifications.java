package io.parley.push.delivery;

import io.parley.cassandra.async.ReactiveCql;
import java.time.Duration;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code push_shown}: the devices a chat's notification was pushed to, and its newest message, for as long as the
 * notification may still be shown. Written when a platform took a push, read and forgotten when the user reads the
 * chat, so a read clears only devices that were pushed and costs one slice read otherwise.
 */
class ShownNotifications {

    record Shown(UUID deviceId, long seq) {
    }

    private final ReactiveCql cql;
    private final int ttlSeconds;

    ShownNotifications(ReactiveCql cql, Duration ttl) {
        this.cql = cql;
        this.ttlSeconds = Math.toIntExact(ttl.toSeconds());
    }

    Mono<Void> pushed(UUID userId, String chatId, UUID deviceId, long seq) {
        return cql.run("INSERT INTO push_shown (user_id, chat_id, device_id, seq) VALUES (?, ?, ?, ?) USING TTL ?",
                userId, chatId, deviceId, seq, ttlSeconds);
    }

    Flux<Shown> of(UUID userId, String chatId) {
        return cql.all("SELECT device_id, seq FROM push_shown WHERE user_id = ? AND chat_id = ?", userId, chatId)
                .map(row -> new Shown(row.getUuid("device_id"), row.getLong("seq")));
    }

    Mono<Void> forget(UUID userId, String chatId, UUID deviceId) {
        return cql.run("DELETE FROM push_shown WHERE user_id = ? AND chat_id = ? AND device_id = ?", userId, chatId, deviceId);
    }
}
