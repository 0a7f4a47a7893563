package io.parley.chat.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.parley.chat.chats.BadChatIdException;
import io.parley.chat.error.ChatException;
import io.parley.proto.error.v1.ErrorReason;
import io.parley.proto.chat.v1.SendRequest;
import io.parley.protocol.Protocol;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SendRequestValidatorTest {

    private static final String ALICE = "0b6f2c4e-3f0a-4c1e-9a3e-1f4d5c6b7a80";
    private static final String BOB = "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6";
    private static final SendRequest VALID = SendRequest.newBuilder()
            .setUserId(ALICE).setDeviceId("phone").setClientMsgId("c-1").setChatId("d:" + ALICE + ":" + BOB)
            .setContentType("text/plain").setBody(ByteString.copyFromUtf8("hi")).build();

    @Test
    void acceptsAWellFormedRequestAndNamesItsChat() {
        assertThat(SendRequestValidator.validate(VALID).value()).isEqualTo("d:" + ALICE + ":" + BOB);
    }

    @Test
    void acceptsABodyOfExactlyTheLimit() {
        SendRequest request = VALID.toBuilder().setBody(ByteString.copyFrom(new byte[Protocol.MAX_BODY_BYTES])).build();
        assertThat(SendRequestValidator.validate(request)).isNotNull();
    }

    @ParameterizedTest
    @MethodSource
    void rejectsBadRequestsWithTheirReason(UnaryOperator<SendRequest.Builder> change, ErrorReason reason) {
        SendRequest request = change.apply(VALID.toBuilder()).build();
        assertThatThrownBy(() -> SendRequestValidator.validate(request))
                .isInstanceOf(ChatException.class)
                .extracting(e -> ((ChatException) e).reason()).isEqualTo(reason);
    }

    static Stream<Arguments> rejectsBadRequestsWithTheirReason() {
        return Stream.of(
                // no sender
                bad(b -> b.setUserId(""), ErrorReason.MISSING_FIELD),
                // no device
                bad(b -> b.setDeviceId(""), ErrorReason.MISSING_FIELD),
                // no client_msg_id
                bad(b -> b.setClientMsgId(""), ErrorReason.MISSING_FIELD),
                // client_msg_id of 65 characters
                bad(b -> b.setClientMsgId("x".repeat(65)), ErrorReason.BAD_CLIENT_MSG_ID),
                // client_msg_id with a space
                bad(b -> b.setClientMsgId("a b"), ErrorReason.BAD_CLIENT_MSG_ID),
                // no chat
                bad(b -> b.setChatId(""), ErrorReason.MISSING_FIELD),
                // no content type
                bad(b -> b.setContentType(""), ErrorReason.MISSING_FIELD),
                // content type one character over the protocol's limit
                bad(b -> b.setContentType("x/" + "x".repeat(Protocol.MAX_CONTENT_TYPE_CHARS - 1)), ErrorReason.BAD_CONTENT_TYPE),
                // content type with a control character
                bad(b -> b.setContentType("text/plain\r\nX-Injected: 1"), ErrorReason.BAD_CONTENT_TYPE),
                // not a media type
                bad(b -> b.setContentType("plain"), ErrorReason.BAD_CONTENT_TYPE),
                // empty body
                bad(b -> b.setBody(ByteString.EMPTY), ErrorReason.MISSING_FIELD),
                // one byte over 64 KiB
                bad(b -> b.setBody(ByteString.copyFrom(new byte[Protocol.MAX_BODY_BYTES + 1])), ErrorReason.BODY_TOO_LARGE));
    }

    @ParameterizedTest
    @MethodSource
    void aMalformedChatIdIsABadChatId(String chatId) {
        SendRequest request = VALID.toBuilder().setChatId(chatId).build();
        assertThatThrownBy(() -> SendRequestValidator.validate(request)).isInstanceOf(BadChatIdException.class);
    }

    static Stream<String> aMalformedChatIdIsABadChatId() {
        return Stream.of(
                // users out of order
                "d:" + BOB + ":" + ALICE,
                // user ids that are not UUIDs: BAD_CHAT_ID here, never a user-directory failure later
                "d:alice:bob",
                // the other user's id in upper case
                "d:" + ALICE + ":" + BOB.toUpperCase(Locale.ROOT));
    }

    private static Arguments bad(UnaryOperator<SendRequest.Builder> change, ErrorReason reason) {
        return Arguments.of(change, reason);
    }
}
