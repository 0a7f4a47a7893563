package io.parley.chat.groups;

import io.parley.proto.error.v1.ErrorReason;

/** A decision stored under (chat, item): applied at {@code seq}, or refused ({@code seq} 0) for {@code refused}. */
public record StoredOutcome(long seq, ErrorReason refused) {

    public boolean applied() {
        return refused == null;
    }
}
