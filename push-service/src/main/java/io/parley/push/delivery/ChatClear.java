package io.parley.push.delivery;

import java.time.Instant;

/**
 * A collapsing "clear": the user read the chat up to {@code readUpToSeq} on another device, so the chat's
 * notification (the one with {@code collapseKey}) is stale. Sent only where the platform lets the app remove a
 * notification without showing one (FCM data message, Web Push); APNs has no silent removal.
 */
public record ChatClear(String chatId, long readUpToSeq, String collapseKey, Instant expiresAt) {
}
