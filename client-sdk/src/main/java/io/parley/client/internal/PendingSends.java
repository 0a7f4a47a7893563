package io.parley.client.internal;

import io.parley.client.Sent;
import io.parley.protocol.ClientFrame;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Sends without a {@code sent} yet, by client_msg_id, in the order they were made. Each keeps its frame, so every
 * retry goes out under the same client_msg_id (the server answers a repeat with the same message id). Not
 * thread-safe: the client's event thread owns it.
 */
final class PendingSends {

    static final class Pending {
        final ClientFrame.Send frame;
        final CompletableFuture<Sent> result;
        final long deadlineMillis;
        final Backoff retryBackoff;

        Pending(ClientFrame.Send frame, CompletableFuture<Sent> result, long deadlineMillis, Backoff retryBackoff) {
            this.frame = frame;
            this.result = result;
            this.deadlineMillis = deadlineMillis;
            this.retryBackoff = retryBackoff;
        }
    }

    private final Map<String, Pending> byClientMsgId = new LinkedHashMap<>();

    /** Adds a send; if one with the same client_msg_id is pending, the caller gets that one's result. */
    CompletableFuture<Sent> add(Pending pending) {
        Pending existing = byClientMsgId.putIfAbsent(pending.frame.clientMsgId(), pending);
        return existing != null ? existing.result : pending.result;
    }

    Pending get(String clientMsgId) {
        return byClientMsgId.get(clientMsgId);
    }

    Pending remove(String clientMsgId) {
        return byClientMsgId.remove(clientMsgId);
    }

    /** Every pending send, oldest first, for retransmission on a new connection. */
    List<Pending> all() {
        return new ArrayList<>(byClientMsgId.values());
    }

    /** Removes and returns the sends whose deadline passed. */
    List<Pending> expire(long nowMillis) {
        List<Pending> expired = new ArrayList<>();
        byClientMsgId.values().removeIf(pending -> {
            if (pending.deadlineMillis <= nowMillis) {
                expired.add(pending);
                return true;
            }
            return false;
        });
        return expired;
    }

    int size() {
        return byClientMsgId.size();
    }
}
