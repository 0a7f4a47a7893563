package io.parley.protocol;

import java.util.Locale;

/**
 * The {@code code} of an {@code error} frame. A client may resend the frame it answers (under the same
 * {@code client_msg_id} for a send) only when the error says {@code retriable}.
 */
public enum ErrorCode {
    /** The frame is not one JSON object (syntax error, trailing data, duplicate field). */
    BAD_JSON(false),
    /** {@code type} names no frame of this protocol version. */
    UNKNOWN_TYPE(false),
    /** A required field is absent or null. */
    MISSING_FIELD(false),
    /** A field has the wrong JSON type or a value outside its range. */
    INVALID_FIELD(false),
    /** The decoded body exceeds {@link Protocol#MAX_BODY_BYTES}. */
    BODY_TOO_LARGE(false),
    /** The sender is not a member of the chat, or the chat does not exist. */
    NOT_A_MEMBER(false),
    /** The other member of the chat blocks the sender. */
    BLOCKED(false),
    /** The device sends faster than its rate limit; resend later. */
    RATE_LIMITED(true),
    /** A server dependency is down; resend later (a send under the same client_msg_id). */
    UNAVAILABLE(true),
    /** An unexpected server failure. */
    INTERNAL(false);

    private final boolean retriable;
    private final String wireName;

    ErrorCode(boolean retriable) {
        this.retriable = retriable;
        this.wireName = name().toLowerCase(Locale.ROOT);
    }

    public boolean retriable() {
        return retriable;
    }

    public String wireName() {
        return wireName;
    }

    /** The code with this wire name, or {@link #INTERNAL} for a code this client does not know (a newer server). */
    public static ErrorCode fromWireName(String wireName) {
        for (ErrorCode code : values()) {
            if (code.wireName.equals(wireName)) {
                return code;
            }
        }
        return INTERNAL;
    }
}
