package io.parley.chat.grpc;

import io.grpc.Status;

/**
 * The {@code ErrorInfo.reason} values of the chat_service.proto error contract, each with its gRPC code.
 * Gateways map them to protocol error codes; UNAVAILABLE reasons are retriable with the same client_msg_id.
 */
public enum ErrorReason {
    NOT_A_MEMBER(Status.Code.PERMISSION_DENIED),
    BLOCKED(Status.Code.PERMISSION_DENIED),
    BODY_TOO_LARGE(Status.Code.INVALID_ARGUMENT),
    BAD_CHAT_ID(Status.Code.INVALID_ARGUMENT),
    MISSING_FIELD(Status.Code.INVALID_ARGUMENT),
    BAD_CLIENT_MSG_ID(Status.Code.INVALID_ARGUMENT),
    BAD_CONTENT_TYPE(Status.Code.INVALID_ARGUMENT),
    CLIENT_MSG_ID_REUSED(Status.Code.INVALID_ARGUMENT),
    BAD_CURSOR(Status.Code.INVALID_ARGUMENT),
    KAFKA_UNAVAILABLE(Status.Code.UNAVAILABLE),
    USER_DIRECTORY_UNAVAILABLE(Status.Code.UNAVAILABLE),
    STORAGE_UNAVAILABLE(Status.Code.UNAVAILABLE),
    RATE_LIMITED(Status.Code.RESOURCE_EXHAUSTED);

    private final Status.Code code;

    ErrorReason(Status.Code code) {
        this.code = code;
    }

    public Status.Code code() {
        return code;
    }
}
