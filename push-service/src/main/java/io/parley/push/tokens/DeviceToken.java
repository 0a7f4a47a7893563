package io.parley.push.tokens;

import java.time.Instant;
import java.util.UUID;

/** The push token a device registered, and when. */
public record DeviceToken(UUID userId, UUID deviceId, PushToken token, Instant updatedAt) {
}
