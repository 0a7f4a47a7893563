package io.parley.chat.grpc;

import io.grpc.StatusRuntimeException;
import io.parley.chat.chats.BadChatIdException;
import io.parley.chat.error.ChatException;
import io.parley.chat.ids.IdUnavailableException;
import io.parley.error.GrpcErrors;
import io.parley.proto.error.v1.ErrorReason;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place failures become gRPC errors, in the shared error model ({@link GrpcErrors}: google.rpc.Status
 * with an ErrorInfo of domain {@value GrpcErrors#DOMAIN}). Anything unexpected is INTERNAL without details.
 */
final class ChatErrors {

    private static final Logger log = LoggerFactory.getLogger(ChatErrors.class);

    private ChatErrors() {
    }

    static StatusRuntimeException toStatus(Throwable failure) {
        Throwable cause = ChatException.unwrap(failure);
        if (cause instanceof StatusRuntimeException status) {
            return status;
        }
        if (cause instanceof BadChatIdException badChatId) {
            return GrpcErrors.status(ErrorReason.BAD_CHAT_ID, badChatId.getMessage(), Map.of());
        }
        if (cause instanceof IdUnavailableException noId) {
            return GrpcErrors.status(ErrorReason.STORAGE_UNAVAILABLE, noId.getMessage(), Map.of());
        }
        if (cause instanceof ChatException chat) {
            return GrpcErrors.status(chat.reason(), chat.getMessage(), chat.metadata());
        }
        log.error("Unexpected failure in a ChatService call", cause);
        return io.grpc.Status.INTERNAL.withDescription("internal error").asRuntimeException();
    }
}
