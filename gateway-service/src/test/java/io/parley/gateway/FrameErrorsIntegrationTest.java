package io.parley.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.proto.error.v1.ErrorReason;
import io.parley.gateway.support.FakeChatService;
import io.parley.gateway.support.TestSocket;
import io.parley.gateway.support.TestTokens;
import io.parley.protocol.ClientFrame;
import io.parley.protocol.ErrorCode;
import io.parley.protocol.ServerFrame;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad input gets its documented error, the connection stays usable, and nothing reaches chat-service. */
class FrameErrorsIntegrationTest extends GatewayIntegrationTest {

    static Stream<Arguments> badFrames() {
        return Stream.of(
                // not JSON
                Arguments.of("{\"type\":\"send\",", ErrorCode.BAD_JSON, null),
                // JSON, but not an object
                Arguments.of("\"send\"", ErrorCode.BAD_JSON, null),
                // a frame type v1 does not have
                Arguments.of("{\"type\":\"call\",\"ref\":\"t1\"}", ErrorCode.UNKNOWN_TYPE, "t1"),
                // no type
                Arguments.of("{\"ref\":\"t2\",\"chat\":\"d:a:b\"}", ErrorCode.MISSING_FIELD, "t2"),
                // send without a chat
                Arguments.of("{\"type\":\"send\",\"ref\":\"t3\",\"client_msg_id\":\"c\",\"content_type\":\"text/plain\",\"body\":\"hi\"}",
                        ErrorCode.MISSING_FIELD, "t3"),
                // send without a client_msg_id
                Arguments.of("{\"type\":\"send\",\"ref\":\"t4\",\"chat\":\"d:a:b\",\"content_type\":\"text/plain\",\"body\":\"hi\"}",
                        ErrorCode.MISSING_FIELD, "t4"),
                // a cursor that is not a number
                Arguments.of("{\"type\":\"sync\",\"ref\":\"t5\",\"cursor\":\"zero\"}", ErrorCode.INVALID_FIELD, "t5"),
                // a body one byte over 64 KiB (the frame itself is within its limit)
                Arguments.of("{\"type\":\"send\",\"ref\":\"t6\",\"client_msg_id\":\"c\",\"chat\":\"d:a:b\",\"content_type\":\"text/plain\",\"body\":\""
                        + "x".repeat(65_537) + "\"}", ErrorCode.BODY_TOO_LARGE, "t6"));
    }

    @ParameterizedTest
    @MethodSource("badFrames")
    void answersABadFrameWithItsErrorAndStaysUsable(String frame, ErrorCode expected, String ref) {
        try (TestSocket socket = connect(TestTokens.newId(), TestTokens.newId())) {
            socket.hello();

            socket.send(frame);

            ServerFrame.Error error = socket.next(ServerFrame.Error.class);
            assertThat(error.code()).isEqualTo(expected);
            assertThat(error.ref()).isEqualTo(ref);
            assertThat(error.retriable()).isFalse();
            socket.send(new ClientFrame.Ping("still-there"));
            assertThat(socket.next()).isEqualTo(new ServerFrame.Pong("still-there"));
            assertThat(BACKENDS.chat.sends).isEmpty();
        }
    }

    @Test
    void aBinaryMessageIsAnError() {
        try (TestSocket socket = connect(TestTokens.newId(), TestTokens.newId())) {
            socket.hello();
            socket.sendBinary(new byte[] {1, 2, 3});

            assertThat(socket.next(ServerFrame.Error.class).code()).isEqualTo(ErrorCode.BAD_JSON);
        }
    }

    @Test
    void aFrameOverTheSizeLimitClosesTheConnectionWith1009() {
        try (TestSocket socket = connect(TestTokens.newId(), TestTokens.newId())) {
            socket.hello();

            socket.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(300_000) + "\"}");

            assertThat(socket.awaitClose()).isEqualTo(1009);
        }
    }

    @Test
    void aFrameCannotChooseItsSender() {
        String user = TestTokens.newId();
        String device = TestTokens.newId();
        try (TestSocket socket = connect(user, device)) {
            socket.hello();

            socket.send("{\"type\":\"send\",\"ref\":\"r\",\"client_msg_id\":\"c-1\",\"chat\":\"d:a:b\",\"content_type\":\"text/plain\","
                    + "\"body\":\"hi\",\"from\":\"someone-else\",\"user\":\"someone-else\",\"user_id\":\"someone-else\",\"device_id\":\"x\"}");

            assertThat(socket.next()).isInstanceOf(ServerFrame.Sent.class);
            assertThat(BACKENDS.chat.sends).singleElement().satisfies(request -> {
                assertThat(request.getUserId()).isEqualTo(user);
                assertThat(request.getDeviceId()).isEqualTo(device);
            });
        }
    }

    static Stream<Arguments> chatServiceRefusals() {
        return Stream.of(
                // the sender is not in the chat
                Arguments.of(ErrorReason.NOT_A_MEMBER, ErrorCode.NOT_A_MEMBER, false),
                // the other member blocks the sender
                Arguments.of(ErrorReason.BLOCKED, ErrorCode.BLOCKED, false),
                // a chat id chat-service cannot parse
                Arguments.of(ErrorReason.BAD_CHAT_ID, ErrorCode.INVALID_FIELD, false),
                // Kafka is down: no sent, resend later
                Arguments.of(ErrorReason.KAFKA_UNAVAILABLE, ErrorCode.UNAVAILABLE, true),
                // chat-service's own rate limit
                Arguments.of(ErrorReason.RATE_LIMITED, ErrorCode.RATE_LIMITED, true));
    }

    @ParameterizedTest
    @MethodSource("chatServiceRefusals")
    void chatServiceRefusalsBecomeTheirDocumentedErrors(ErrorReason reason, ErrorCode expected, boolean retriable) {
        BACKENDS.chat.failSends(request -> FakeChatService.error(reason));
        try (TestSocket socket = connect(TestTokens.newId(), TestTokens.newId())) {
            socket.hello();

            socket.send(new ClientFrame.Send("r1", "c-1", "d:a:b", "text/plain", new byte[] {'h', 'i'}));

            ServerFrame.Error error = socket.next(ServerFrame.Error.class);
            assertThat(error.code()).isEqualTo(expected);
            assertThat(error.ref()).isEqualTo("r1");
            assertThat(error.retriable()).isEqualTo(retriable);
            socket.send(new ClientFrame.Ping("p"));
            assertThat(socket.next()).isEqualTo(new ServerFrame.Pong("p"));
        }
    }
}
