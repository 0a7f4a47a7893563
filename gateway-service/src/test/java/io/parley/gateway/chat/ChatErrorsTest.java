package io.parley.gateway.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.parley.error.GrpcErrors;
import io.parley.proto.error.v1.ErrorReason;
import io.parley.protocol.ErrorCode;
import io.parley.protocol.ServerFrame;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChatErrorsTest {

    static Stream<Arguments> reasonsAndTheirFrames() {
        return Stream.of(
                Arguments.of(ErrorReason.BLOCKED, ErrorCode.BLOCKED, false),
                Arguments.of(ErrorReason.NOT_A_MEMBER, ErrorCode.NOT_A_MEMBER, false),
                Arguments.of(ErrorReason.BODY_TOO_LARGE, ErrorCode.BODY_TOO_LARGE, false),
                Arguments.of(ErrorReason.MISSING_FIELD, ErrorCode.MISSING_FIELD, false),
                // every other malformed-request reason is one protocol code
                Arguments.of(ErrorReason.BAD_CONTENT_TYPE, ErrorCode.INVALID_FIELD, false),
                Arguments.of(ErrorReason.CLIENT_MSG_ID_REUSED, ErrorCode.INVALID_FIELD, false),
                Arguments.of(ErrorReason.RATE_LIMITED, ErrorCode.RATE_LIMITED, true),
                // every dependency outage is retriable under the same client_msg_id
                Arguments.of(ErrorReason.KAFKA_UNAVAILABLE, ErrorCode.UNAVAILABLE, true),
                Arguments.of(ErrorReason.USER_DIRECTORY_UNAVAILABLE, ErrorCode.UNAVAILABLE, true),
                Arguments.of(ErrorReason.STORAGE_UNAVAILABLE, ErrorCode.UNAVAILABLE, true));
    }

    @ParameterizedTest
    @MethodSource
    void reasonsAndTheirFrames(ErrorReason reason, ErrorCode expected, boolean retriable) {
        ServerFrame.Error frame = ChatErrors.toErrorFrame("r1", GrpcErrors.status(reason, "why", Map.of()));

        assertThat(frame.code()).isEqualTo(expected);
        assertThat(frame.retriable()).isEqualTo(retriable);
        assertThat(frame.ref()).isEqualTo("r1");
    }

    @Test
    void theReasonDecidesNotTheStatusCode() {
        // both are PERMISSION_DENIED: only the reason tells a block from a missing membership
        assertThat(ChatErrors.toErrorFrame("r", GrpcErrors.status(ErrorReason.BLOCKED, "b", Map.of())).code())
                .isEqualTo(ErrorCode.BLOCKED);
        assertThat(ChatErrors.toErrorFrame("r", GrpcErrors.status(ErrorReason.NOT_A_MEMBER, "n", Map.of())).code())
                .isEqualTo(ErrorCode.NOT_A_MEMBER);
    }

    @Test
    void aFailureWithoutReasonIsJudgedByItsStatus() {
        assertThat(ChatErrors.toErrorFrame("r", Status.DEADLINE_EXCEEDED.asRuntimeException()))
                .isEqualTo(new ServerFrame.Error("r", ErrorCode.UNAVAILABLE, "temporarily unavailable; resend later", true));
        assertThat(ChatErrors.toErrorFrame("r", new IllegalStateException("bug")).code()).isEqualTo(ErrorCode.INTERNAL);
    }
}
