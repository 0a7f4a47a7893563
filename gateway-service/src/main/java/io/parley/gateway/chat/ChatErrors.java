package io.parley.gateway.chat;

import io.grpc.Status;
import io.parley.error.GrpcErrors;
import io.parley.protocol.ErrorCode;
import io.parley.protocol.ServerFrame;

/**
 * chat-service's errors (error_reason.proto reasons, read through {@link GrpcErrors}) as {@code error} frames.
 * The switch is over the enum, so a new reason does not compile until it has a frame code. A failure without a
 * reason (deadline, connection lost) is judged by its status code. A failure the device may retry is marked
 * retriable: a resend under the same client_msg_id is deduplicated, so retrying an uncertain send is safe.
 */
public final class ChatErrors {

    private ChatErrors() {
    }

    public static ServerFrame.Error toErrorFrame(String ref, Throwable failure) {
        Status status = Status.fromThrowable(failure);
        String detail = status.getDescription() != null ? status.getDescription() : "invalid request";
        return switch (GrpcErrors.reasonOf(failure)) {
            case BLOCKED -> error(ref, ErrorCode.BLOCKED, "the recipient does not accept messages from you", false);
            case NOT_A_MEMBER, FORBIDDEN -> error(ref, ErrorCode.NOT_A_MEMBER, "you are not a member of this chat", false);
            case NOT_A_GROUP_ADMIN -> error(ref, ErrorCode.NOT_A_MEMBER, "only admins may send in this group", false);
            case NOT_FOUND, USER_NOT_FOUND, DEVICE_NOT_FOUND -> error(ref, ErrorCode.NOT_A_MEMBER, "no such chat", false);
            case BODY_TOO_LARGE -> error(ref, ErrorCode.BODY_TOO_LARGE, detail, false);
            case MISSING_FIELD -> error(ref, ErrorCode.MISSING_FIELD, detail, false);
            case INVALID_REQUEST, MALFORMED_ID, BAD_CHAT_ID, BAD_CLIENT_MSG_ID, BAD_CONTENT_TYPE, CLIENT_MSG_ID_REUSED,
                    BAD_CURSOR -> error(ref, ErrorCode.INVALID_FIELD, detail, false);
            case RATE_LIMITED -> rateLimited(ref);
            case STORAGE_UNAVAILABLE, KAFKA_UNAVAILABLE, USER_DIRECTORY_UNAVAILABLE -> unavailable(ref);
            case UNAUTHENTICATED, INVALID_CREDENTIALS, INVALID_REFRESH_TOKEN, REFRESH_TOKEN_REUSED, USERNAME_TAKEN,
                    DEVICE_LIMIT_REACHED, PREKEY_CONFLICT, PREKEY_CAPACITY_EXCEEDED, GROUP_FULL, INTERNAL -> internal(ref);
            case ERROR_REASON_UNSPECIFIED, UNRECOGNIZED -> withoutReason(ref, status.getCode());
        };
    }

    private static ServerFrame.Error withoutReason(String ref, Status.Code code) {
        return switch (code) {
            case PERMISSION_DENIED, NOT_FOUND -> error(ref, ErrorCode.NOT_A_MEMBER, "no such chat", false);
            case RESOURCE_EXHAUSTED -> rateLimited(ref);
            case UNAVAILABLE, DEADLINE_EXCEEDED, ABORTED, CANCELLED -> unavailable(ref);
            default -> internal(ref);
        };
    }

    private static ServerFrame.Error rateLimited(String ref) {
        return error(ref, ErrorCode.RATE_LIMITED, "too many messages; slow down", true);
    }

    private static ServerFrame.Error unavailable(String ref) {
        return error(ref, ErrorCode.UNAVAILABLE, "temporarily unavailable; resend later", true);
    }

    private static ServerFrame.Error internal(String ref) {
        return error(ref, ErrorCode.INTERNAL, "internal error; resend later", true);
    }

    private static ServerFrame.Error error(String ref, ErrorCode code, String message, boolean retriable) {
        return new ServerFrame.Error(ref, code, message, retriable);
    }
}
