package io.parley.client.internal;

import io.parley.protocol.ServerFrame;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The highest counts seen per group message, so the app never sees "read by 3" drop to "read by 2": counts only grow,
 * but two server instances may compute them moments apart and their frames can arrive in either order. Bounded (the
 * oldest messages are forgotten). Not thread-safe: the client's event thread owns it.
 */
public final class ReceiptCountsMemory {

    private final Map<String, ServerFrame.MessageCounts> highest;

    public ReceiptCountsMemory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.highest = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ServerFrame.MessageCounts> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The frame with each message's counts raised to the highest seen for it (and remembered). */
    public ServerFrame.ReceiptCounts merge(ServerFrame.ReceiptCounts frame) {
        List<ServerFrame.MessageCounts> merged = new ArrayList<>(frame.messages().size());
        for (ServerFrame.MessageCounts counts : frame.messages()) {
            String key = frame.chat() + '#' + counts.seq();
            ServerFrame.MessageCounts known = highest.get(key);
            ServerFrame.MessageCounts best = known == null ? counts : new ServerFrame.MessageCounts(counts.seq(),
                    counts.messageId(), Math.max(counts.delivered(), known.delivered()), Math.max(counts.read(), known.read()),
                    Math.max(counts.members(), known.members()));
            highest.put(key, best);
            merged.add(best);
        }
        return new ServerFrame.ReceiptCounts(frame.inboxSeq(), frame.chat(), merged, frame.at());
    }
}
