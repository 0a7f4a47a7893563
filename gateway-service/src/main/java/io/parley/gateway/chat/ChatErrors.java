package io.parley.gateway.chat;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.parley.protocol.ErrorCode;
import io.parley.protocol.ServerFrame;

/**
 * chat-service's error contract (chat_service.proto) as {@code error} frames. A failure the device may retry is
 * marked retriable: a resend under the same client_msg_id is deduplicated, so retrying an uncertain send is safe.
 */
public final class ChatErrors {

    static final String DOMAIN = "parley.chat";

    private ChatErrors() {
    }

    public static ServerFrame.Error toErrorFrame(String ref, Throwable failure) {
        Status status = Status.fromThrowable(failure);
        String reason = reason(failure);
        return switch (status.getCode()) {
            case PERMISSION_DENIED -> "BLOCKED".equals(reason)
                    ? error(ref, ErrorCode.BLOCKED, "the recipient does not accept messages from you", false)
                    : error(ref, ErrorCode.NOT_A_MEMBER, "you are not a member of this chat", false);
            case NOT_FOUND -> error(ref, ErrorCode.NOT_A_MEMBER, "no such chat", false);
            case INVALID_ARGUMENT -> invalidArgument(ref, reason, status.getDescription());
            case RESOURCE_EXHAUSTED -> error(ref, ErrorCode.RATE_LIMITED, "too many messages; slow down", true);
            case UNAVAILABLE, DEADLINE_EXCEEDED, ABORTED, CANCELLED ->
                    error(ref, ErrorCode.UNAVAILABLE, "temporarily unavailable; resend later", true);
            default -> error(ref, ErrorCode.INTERNAL, "internal error; resend later", true);
        };
    }

    private static ServerFrame.Error invalidArgument(String ref, String reason, String description) {
        String detail = description != null ? description : "invalid request";
        if ("BODY_TOO_LARGE".equals(reason)) {
            return error(ref, ErrorCode.BODY_TOO_LARGE, detail, false);
        }
        if ("MISSING_FIELD".equals(reason)) {
            return error(ref, ErrorCode.MISSING_FIELD, detail, false);
        }
        return error(ref, ErrorCode.INVALID_FIELD, detail, false);
    }

    /** The ErrorInfo reason chat-service attached, or null. */
    private static String reason(Throwable failure) {
        com.google.rpc.Status details = StatusProto.fromThrowable(failure);
        if (details == null) {
            return null;
        }
        for (Any detail : details.getDetailsList()) {
            if (detail.is(ErrorInfo.class)) {
                try {
                    ErrorInfo info = detail.unpack(ErrorInfo.class);
                    if (DOMAIN.equals(info.getDomain())) {
                        return info.getReason();
                    }
                } catch (InvalidProtocolBufferException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static ServerFrame.Error error(String ref, ErrorCode code, String message, boolean retriable) {
        return new ServerFrame.Error(ref, code, message, retriable);
    }
}
