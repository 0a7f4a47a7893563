package io.parley.gateway.connection;

import org.springframework.web.reactive.socket.CloseStatus;

/** Ends a device's WebSocket at once: a close frame if the socket still takes one, then the TCP connection. */
@FunctionalInterface
public interface Terminator {

    void terminate(CloseStatus status);
}
