package io.parley.chat.muting;

/** How long to mute: {@code for_seconds} 60..31,622,400 (366 days); absent or null mutes the chat always. */
record MuteRequest(Long forSeconds) {
}
