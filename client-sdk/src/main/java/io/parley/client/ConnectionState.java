package io.parley.client;

/** Where a {@link ParleyClient} is in its connection's life. */
public enum ConnectionState {
    /** Opening a WebSocket (or waiting for the token to open it with). */
    CONNECTING,
    /** Connected; receiving the backlog after the client's cursor. */
    SYNCING,
    /** The backlog is drained; frames arrive as they happen. */
    LIVE,
    /** The connection dropped; the next attempt starts after a backoff delay. */
    WAITING_TO_RECONNECT,
    /**
     * The server ended the connection for good (this device was revoked, or a newer connection of the device took
     * over); the client does not reconnect on its own.
     */
    STOPPED,
    /** {@link ParleyClient#close()} was called. */
    CLOSED
}
