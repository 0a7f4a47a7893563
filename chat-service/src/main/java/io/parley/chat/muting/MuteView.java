package io.parley.chat.muting;

/** A chat's mute as the member set it: {@code muted_until} in epoch milliseconds, null when muted always. */
record MuteView(String chat, boolean muted, Long mutedUntil) {
}
