package io.parley.chat.error;

import io.parley.proto.error.v1.ErrorReason;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A failure with a place in the error contract (error_reason.proto). Thrown (or completed exceptionally)
 * anywhere in a call's handling; each transport (gRPC, REST) renders it through the error-contract module. The
 * message goes to the caller, so it never contains message bodies or another user's data.
 */
public final class ChatException extends RuntimeException {

    private final ErrorReason reason;
    private final Map<String, String> metadata;

    public ChatException(ErrorReason reason, String message) {
        this(reason, message, Map.of(), null);
    }

    public ChatException(ErrorReason reason, String message, Map<String, String> metadata, Throwable cause) {
        super(message, cause, false, false);
        this.reason = reason;
        this.metadata = Map.copyOf(metadata);
    }

    public static ChatException missingField(String field) {
        return new ChatException(ErrorReason.MISSING_FIELD, field + " is required", Map.of("field", field), null);
    }

    /** Throws MISSING_FIELD naming {@code field} if {@code value} is blank. */
    public static void require(String field, String value) {
        if (value.isBlank()) {
            throw missingField(field);
        }
    }

    /** Throws BAD_CURSOR if a seq or cursor the caller gave is negative. */
    public static void requireNotNegative(String field, long value) {
        if (value < 0) {
            throw new ChatException(ErrorReason.BAD_CURSOR, field + " must not be negative");
        }
    }

    /** The failure a future's wrappers ({@link CompletionException}, {@link ExecutionException}) stand for. */
    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    public ErrorReason reason() {
        return reason;
    }

    public Map<String, String> metadata() {
        return metadata;
    }
}
