package io.parley.gateway.sync;

import io.parley.protocol.ServerFrame;

/** Where an inbox stream writes: one connection's bounded outbound queue. */
public interface FrameSink {

    /** Queues a frame within the bound; false means the device is not reading and has been disconnected. */
    boolean offer(ServerFrame frame);

    /** Queues a frame of a sync page beyond the bound (pages are only fetched when the queue has room). */
    void force(ServerFrame frame);

    /** Runs {@code action} when the queue has room for another page. */
    void whenRoomForPage(Runnable action);

    /** The inbox could not be read: closes the connection so the device reconnects and syncs again. */
    void inboxUnavailable(Throwable cause);
}
