package io.parley.gateway.auth;

import org.springframework.http.HttpStatus;

/** The handshake is refused: no WebSocket, an HTTP status and a reason instead. */
public final class HandshakeRejected extends RuntimeException {

    private final HttpStatus status;

    private HandshakeRejected(HttpStatus status, String reason, Throwable cause) {
        super(reason, cause, false, false);
        this.status = status;
    }

    /** Missing, malformed, expired or otherwise invalid credentials: 401. */
    public static HandshakeRejected unauthenticated(String reason) {
        return new HandshakeRejected(HttpStatus.UNAUTHORIZED, reason, null);
    }

    /** The credentials cannot be checked right now (keys or user-service unreachable): 503, try again. */
    public static HandshakeRejected unavailable(String reason, Throwable cause) {
        return new HandshakeRejected(HttpStatus.SERVICE_UNAVAILABLE, reason, cause);
    }

    public HttpStatus status() {
        return status;
    }
}
