package io.parley.media.error;

import io.parley.proto.error.v1.ErrorReason;
import java.util.Map;

/**
 * A failure with a place in the error contract (error_reason.proto). Each transport (REST, gRPC) renders it
 * through the error-contract module. The message goes to the caller, so it never names another user's data.
 */
public final class MediaException extends RuntimeException {

    /** Metadata (REST: problem member) naming the state of the media item a call found. */
    public static final String MEDIA_STATE = "media_state";

    private final ErrorReason reason;
    private final Map<String, String> metadata;

    public MediaException(ErrorReason reason, String message) {
        this(reason, message, Map.of());
    }

    public MediaException(ErrorReason reason, String message, Map<String, String> metadata) {
        super(message, null, false, false);
        this.reason = reason;
        this.metadata = Map.copyOf(metadata);
    }

    /** Unknown and not visible to the caller look the same, so media ids cannot be probed. */
    public static MediaException notFound() {
        return new MediaException(ErrorReason.NOT_FOUND, "no such media");
    }

    /**
     * The media item is not in the state the call needs; metadata {@value #MEDIA_STATE} says which it is in:
     * {@code not_uploaded} (upload, then complete again), {@code pending} (complete first) or {@code rejected}
     * (complete found other bytes than declared: request a new upload).
     */
    public static MediaException inState(String state, ErrorReason reason, String message) {
        return new MediaException(reason, message, Map.of(MEDIA_STATE, state));
    }

    public ErrorReason reason() {
        return reason;
    }

    public Map<String, String> metadata() {
        return metadata;
    }
}
