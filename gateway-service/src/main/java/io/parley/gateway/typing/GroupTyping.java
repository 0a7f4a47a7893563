package io.parley.gateway.typing;

import io.parley.protocol.TypingState;

/**
 * One typing frame of a group chat as it crosses gateways on the chat's channel. {@code originGateway} serves its own
 * connections without Redis and skips its own message when Redis hands it back. Ids hold no newline.
 */
record GroupTyping(String chat, String fromUser, TypingState state, String originGateway) {

    String encode() {
        return String.join("\n", chat, fromUser, state.wireName(), originGateway);
    }

    /** Throws {@link IllegalArgumentException} for a message that is not an encoded event. */
    static GroupTyping decode(String encoded) {
        String[] parts = encoded.split("\n", -1);
        TypingState state = parts.length == 4 ? TypingState.fromWireName(parts[2]) : null;
        if (state == null) {
            throw new IllegalArgumentException("not a group typing event");
        }
        return new GroupTyping(parts[0], parts[1], state, parts[3]);
    }
}
