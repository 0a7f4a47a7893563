package io.parley.user.device;

import java.time.Instant;
import java.util.UUID;

/** A signed-in device as its owner and other services see it. */
public record Device(UUID deviceId, Platform platform, String name, Instant createdAt, Instant lastActiveAt) {
}
