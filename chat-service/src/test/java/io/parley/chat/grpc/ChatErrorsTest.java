package io.parley.chat.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.parley.chat.chats.BadChatIdException;
import io.parley.chat.error.ChatException;
import io.parley.proto.error.v1.ErrorReason;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ChatErrorsTest {

    @Test
    void contractFailuresCarryGoogleRpcStatusWithErrorInfo() throws Exception {
        StatusRuntimeException status = ChatErrors.toStatus(new CompletionException(
                new ChatException(ErrorReason.KAFKA_UNAVAILABLE, "retry")));

        assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        ErrorInfo info = StatusProto.fromThrowable(status).getDetails(0).unpack(ErrorInfo.class);
        assertThat(info.getDomain()).isEqualTo("parley.io");
        assertThat(info.getReason()).isEqualTo("KAFKA_UNAVAILABLE");
    }

    @Test
    void badChatIdsAreInvalidArguments() throws Exception {
        StatusRuntimeException status = ChatErrors.toStatus(new BadChatIdException("nope"));

        assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(StatusProto.fromThrowable(status).getDetails(0).unpack(ErrorInfo.class).getReason()).isEqualTo("BAD_CHAT_ID");
    }

    @Test
    void unexpectedFailuresAreInternalWithoutDetails() {
        StatusRuntimeException status = ChatErrors.toStatus(new NullPointerException("secret detail"));

        assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
        assertThat(status.getStatus().getDescription()).doesNotContain("secret");
    }
}
