package io.parley.presence.error;

import io.parley.proto.error.v1.ErrorReason;

/** A failure of presence-service a caller can act on, named by its reason in Parley's one error model. */
public final class PresenceException extends RuntimeException {

    private final ErrorReason reason;

    public PresenceException(ErrorReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public ErrorReason reason() {
        return reason;
    }
}
