package io.parley.user.auth;

import java.time.Instant;
import java.util.UUID;

/** A refresh token row; {@code rotatedTo} is set once the token has been exchanged. */
record StoredRefreshToken(UUID tokenId, UUID userId, UUID deviceId, UUID sessionId, Instant expiresAt, UUID rotatedTo) {
}
