package io.parley.chat.chatlist;

import java.time.Instant;

/**
 * A member's state of a chat that decides whether a message of it is worth a push.
 *
 * @param readSeq    the member read the chat up to here (on any device)
 * @param mutedUntil no push before this instant; null when not muted
 */
public record PushState(long readSeq, Instant mutedUntil) {

    public boolean mutedAt(Instant now) {
        return mutedUntil != null && mutedUntil.isAfter(now);
    }
}
