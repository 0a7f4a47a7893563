package io.parley.user.device;

import java.time.Instant;
import java.util.UUID;

/** A device row: {@code sessionId} is the refresh-token family; null with {@code revokedAt} set while revoking. */
record StoredDevice(UUID userId, UUID deviceId, Platform platform, String name, UUID sessionId, Instant createdAt,
        Instant lastActiveAt, Instant revokedAt) {

    boolean active() {
        return revokedAt == null && sessionId != null;
    }

    Device view() {
        return new Device(deviceId, platform, name, createdAt, lastActiveAt);
    }
}
