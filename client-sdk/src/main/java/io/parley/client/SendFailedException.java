package io.parley.client;

import io.parley.protocol.ErrorCode;

/**
 * A send the server refused for good ({@code not_a_member}, {@code blocked}, an invalid field...), or that stayed
 * unanswered until its deadline ({@link #code()} is null then: it may still have been accepted, and a resend
 * under the same client_msg_id is safe).
 */
public final class SendFailedException extends RuntimeException {

    private final String clientMsgId;
    private final ErrorCode code;

    public SendFailedException(String clientMsgId, ErrorCode code, String message) {
        super(message);
        this.clientMsgId = clientMsgId;
        this.code = code;
    }

    public String clientMsgId() {
        return clientMsgId;
    }

    /** The server's error code, or null if the deadline passed without an answer. */
    public ErrorCode code() {
        return code;
    }
}
