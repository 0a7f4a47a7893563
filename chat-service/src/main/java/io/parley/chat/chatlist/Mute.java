package io.parley.chat.chatlist;

import java.time.Instant;

/** How long a member mutes a chat. */
public final class Mute {

    /** "Always": stored as the last millisecond of 9999 (any client shows it as a date far away, never as a wrap-around). */
    public static final Instant ALWAYS = Instant.parse("9999-12-31T23:59:59.999Z");

    private Mute() {
    }
}
