package io.parley.chat.grpc;

import com.google.protobuf.Any;
import com.google.rpc.ErrorInfo;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.parley.chat.chats.BadChatIdException;
import io.parley.chat.ids.IdUnavailableException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place failures become gRPC errors: {@code google.rpc.Status} with an {@code ErrorInfo} of domain
 * {@value #DOMAIN} (see the header of chat_service.proto). Anything unexpected is INTERNAL without details.
 */
public final class ChatErrors {

    public static final String DOMAIN = "parley.chat";
    private static final Logger log = LoggerFactory.getLogger(ChatErrors.class);

    private ChatErrors() {
    }

    public static StatusRuntimeException toStatus(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof StatusRuntimeException status) {
            return status;
        }
        if (cause instanceof BadChatIdException badChatId) {
            return status(new ChatException(ErrorReason.BAD_CHAT_ID, badChatId.getMessage()));
        }
        if (cause instanceof IdUnavailableException noId) {
            return status(new ChatException(ErrorReason.STORAGE_UNAVAILABLE, noId.getMessage()));
        }
        if (cause instanceof ChatException chat) {
            return status(chat);
        }
        log.error("Unexpected failure in a ChatService call", cause);
        return io.grpc.Status.INTERNAL.withDescription("internal error").asRuntimeException();
    }

    static StatusRuntimeException status(ChatException failure) {
        ErrorInfo info = ErrorInfo.newBuilder()
                .setDomain(DOMAIN)
                .setReason(failure.reason().name())
                .putAllMetadata(failure.metadata())
                .build();
        com.google.rpc.Status status = com.google.rpc.Status.newBuilder()
                .setCode(failure.reason().code().value())
                .setMessage(failure.getMessage())
                .addDetails(Any.pack(info))
                .build();
        return StatusProto.toStatusRuntimeException(status);
    }

    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
