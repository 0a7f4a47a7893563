package io.parley.protocol;

import java.util.Locale;

/** What a {@code typing} frame says: the user is typing now, or stopped without sending. */
public enum TypingState {
    COMPOSING,
    PAUSED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state with this wire name, or null if there is none. */
    public static TypingState fromWireName(String wireName) {
        for (TypingState state : values()) {
            if (state.wireName().equals(wireName)) {
                return state;
            }
        }
        return null;
    }
}
