package io.parley.client.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The most recent message ids seen, to show each message once: the server delivers at least once (a resync after
 * a reconnect may repeat what arrived just before the connection dropped). Bounded; the oldest ids are forgotten.
 * Not thread-safe: the client's event thread owns it.
 */
public final class SeenMessages {

    private final Map<String, Boolean> ids;

    public SeenMessages(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.ids = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True the first time an id is seen, false for a repeat. */
    public boolean firstTime(String messageId) {
        return ids.putIfAbsent(messageId, Boolean.TRUE) == null;
    }

    public int size() {
        return ids.size();
    }
}
