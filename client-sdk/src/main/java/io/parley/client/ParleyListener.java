package io.parley.client;

import io.parley.protocol.ServerFrame;

/**
 * Callbacks of a {@link ParleyClient}. They run one at a time on the client's event thread, in the order things
 * happened: return quickly and never block in them.
 */
public interface ParleyListener {

    /**
     * A message, at most once per message id, and per chat in seq order: a message that arrives ahead of a missing
     * seq waits (see {@link #onGap}).
     */
    default void onMessage(ServerFrame.Message message) {
    }

    /** A delivered or read watermark of a member of one of the user's chats. */
    default void onReceipt(ServerFrame.Receipt receipt) {
    }

    /**
     * Group chats: "delivered to N of M" and "read by N of M" for some of the user's own messages in a group chat, for
     * each message whose counts changed (coalesced by the server, about once a second). A message's counts never go
     * down: the client keeps the highest it saw for each of its recent messages.
     */
    default void onReceiptCounts(ServerFrame.ReceiptCounts counts) {
    }

    /** A send became durable (once per send, also after retries). */
    default void onSent(Sent sent) {
    }

    /**
     * Seqs {@code fromSeq..toSeq} of a chat did not arrive within the gap timeout; the messages after them follow
     * now. Fill the gap from the history API if the messages are needed.
     */
    default void onGap(String chat, long fromSeq, long toSeq) {
    }

    /**
     * A watched user's presence ({@link ParleyClient#watchPresence}): their current state right after watching
     * starts (and after every reconnect), then every change. Users whose presence the viewer may not see send nothing.
     */
    default void onPresence(ServerFrame.Presence presence) {
    }

    /**
     * {@code user} started ({@code true}) or stopped typing in {@code chat}. A started indicator stops on its own
     * 6 s after the user's last {@code composing}, so a lost {@code paused} never leaves it on.
     */
    default void onTyping(String chat, String user, boolean typing) {
    }

    /** The backlog after the cursor has been received: what follows is live. */
    default void onSynced(long cursor) {
    }

    default void onStateChanged(ConnectionState state) {
    }

    /**
     * A connection attempt failed or an open connection broke (the client reconnects on its own). A handshake the
     * server refused arrives as a {@link java.net.http.WebSocketHandshakeException} with the HTTP status, e.g.
     * 401 for an expired token: the token supplier is asked again before the next attempt.
     */
    default void onConnectionFailed(Throwable cause) {
    }

    /** An {@code error} frame that answers no pending send (e.g. a failed {@code read}). */
    default void onError(ServerFrame.Error error) {
    }

    /** Every frame as received, before any processing: for diagnostics and tests. */
    default void onFrame(ServerFrame frame) {
    }
}
