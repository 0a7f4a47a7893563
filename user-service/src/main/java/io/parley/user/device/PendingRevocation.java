package io.parley.user.device;

import java.time.Instant;
import java.util.UUID;

/** An outbox entry: the device is already signed out; its event may not be published and its data not removed yet. */
record PendingRevocation(UUID userId, UUID deviceId, RevocationReason reason, Instant revokedAt, UUID eventId) {

    static final int SHARDS = 16;

    int shard() {
        return shardOf(userId);
    }

    static int shardOf(UUID userId) {
        return Math.floorMod(userId.hashCode(), SHARDS);
    }
}
