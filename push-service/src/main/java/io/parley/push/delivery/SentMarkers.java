package io.parley.push.delivery;

import io.parley.cassandra.async.ReactiveCql;
import java.time.Duration;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * {@code push_sent}: which message was pushed to which device, for a while. Written after the platform took the push,
 * read before sending: a request redelivered after a crash or a failed batch is not pushed twice. A crash between the
 * platform's answer and this write can still send one duplicate, which the per-chat collapse key then replaces on
 * the device instead of stacking.
 */
class SentMarkers {

    private final ReactiveCql cql;
    private final int ttlSeconds;

    SentMarkers(ReactiveCql cql, Duration ttl) {
        this.cql = cql;
        this.ttlSeconds = Math.toIntExact(ttl.toSeconds());
    }

    Mono<Boolean> alreadySent(UUID deviceId, String messageId) {
        return cql.one("SELECT message_id FROM push_sent WHERE device_id = ? AND message_id = ?", deviceId, messageId)
                .hasElement();
    }

    Mono<Void> markSent(UUID deviceId, String messageId) {
        return cql.run("INSERT INTO push_sent (device_id, message_id) VALUES (?, ?) USING TTL ?", deviceId, messageId,
                ttlSeconds);
    }
}
