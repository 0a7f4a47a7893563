package io.parley.gateway.typing;

import io.parley.protocol.TypingState;

/**
 * One typing frame on its way to the connections of {@code toUser} on one gateway, as it crosses gateways on that
 * gateway's relay channel. User ids and chat ids hold no newline.
 */
record TypingEvent(String chat, String fromUser, TypingState state, String toUser) {

    String encode() {
        return chat + '\n' + fromUser + '\n' + state.wireName() + '\n' + toUser;
    }

    /** Throws {@link IllegalArgumentException} for a message that is not an encoded event. */
    static TypingEvent decode(String encoded) {
        String[] parts = encoded.split("\n", -1);
        TypingState state = parts.length == 4 ? TypingState.fromWireName(parts[2]) : null;
        if (state == null) {
            throw new IllegalArgumentException("not a typing event");
        }
        return new TypingEvent(parts[0], parts[1], state, parts[3]);
    }
}
