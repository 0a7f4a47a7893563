package io.parley.client.internal;

import io.parley.protocol.Protocol;
import io.parley.protocol.ServerFrame;
import io.parley.protocol.TypingState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Who is typing where, as the receiver shows it: {@code composing} shows for {@link Protocol#TYPING_EXPIRY_MILLIS}
 * unless repeated, so a lost {@code paused} never leaves an indicator stuck. Not thread-safe: the client's event
 * thread owns it.
 */
public final class TypingIndicators {

    /** One indicator turned on or off. */
    public record Change(String chat, String user, boolean typing) {
    }

    private record Key(String chat, String user) {
    }

    private final Map<Key, Long> expiresAt = new HashMap<>();

    /** A typing frame arrived; returns the change to show, or null if nothing visible changed. */
    public Change received(ServerFrame.Typing typing, long nowMillis) {
        Key key = new Key(typing.chat(), typing.user());
        if (typing.state() == TypingState.COMPOSING) {
            boolean wasShown = expiresAt.put(key, nowMillis + Protocol.TYPING_EXPIRY_MILLIS) != null;
            return wasShown ? null : new Change(key.chat(), key.user(), true);
        }
        return expiresAt.remove(key) != null ? new Change(key.chat(), key.user(), false) : null;
    }

    /** A message from the user in the chat ends their indicator there. */
    public Change messageFrom(String chat, String user) {
        return expiresAt.remove(new Key(chat, user)) != null ? new Change(chat, user, false) : null;
    }

    /** The indicators that expired by now, removed. */
    public List<Change> expire(long nowMillis) {
        List<Change> expired = new ArrayList<>();
        expiresAt.entrySet().removeIf(entry -> {
            if (entry.getValue() <= nowMillis) {
                expired.add(new Change(entry.getKey().chat(), entry.getKey().user(), false));
                return true;
            }
            return false;
        });
        return expired;
    }

    /** When the next indicator expires, if any is shown. */
    public OptionalLong nextExpiry() {
        return expiresAt.values().stream().mapToLong(Long::longValue).min();
    }
}
