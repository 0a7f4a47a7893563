package io.parley.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FrameCodecTest {

    private final FrameCodec codec = new FrameCodec();

    @Test
    void decodesEveryClientFrameAndIgnoresUnknownFields() throws FrameException {
        assertThat(codec.decodeClientFrame("""
                {"type":"send","ref":"r1","client_msg_id":"c-1","chat":"d:a:b","content_type":"text/plain",
                 "body":"hé","future_field":{"nested":[1,2]},"from":"someone-else"}"""))
                .isEqualTo(new ClientFrame.Send("r1", "c-1", "d:a:b", "text/plain", "hé".getBytes(StandardCharsets.UTF_8)));
        assertThat(codec.decodeClientFrame("{\"type\":\"ack\",\"cursor\":42}")).isEqualTo(new ClientFrame.Ack(null, 42));
        assertThat(codec.decodeClientFrame("{\"type\":\"read\",\"ref\":\"x\",\"chat\":\"d:a:b\",\"up_to_seq\":7}"))
                .isEqualTo(new ClientFrame.Read("x", "d:a:b", 7));
        assertThat(codec.decodeClientFrame("{\"type\":\"sync\",\"cursor\":0}")).isEqualTo(new ClientFrame.Sync(null, 0));
        assertThat(codec.decodeClientFrame("{\"type\":\"ping\",\"ref\":\"p\"}")).isEqualTo(new ClientFrame.Ping("p"));
    }

    @Test
    void binaryContentTypesCarryBase64() throws FrameException {
        byte[] bytes = {0, 1, 2, (byte) 0xff};
        ClientFrame.Send send = new ClientFrame.Send(null, "c", "d:a:b", "application/octet-stream", bytes);

        String json = codec.encode(send);

        assertThat(json).contains(Base64.getEncoder().encodeToString(bytes));
        assertThat(codec.decodeClientFrame(json)).isEqualTo(send);
    }

    @Test
    void everyServerFrameSurvivesARoundTrip() throws FrameException {
        for (ServerFrame frame : new ServerFrame[] {
                new ServerFrame.Hello(1, "conn", "gw-1", "alice", "phone", 60_000, Protocol.MAX_BODY_BYTES),
                new ServerFrame.Sent("r", "c-1", "123"),
                new ServerFrame.Message(5, "123", "d:a:b", 3, "alice", "phone", "c-1", "text/plain",
                        "hi \"there\"\n".getBytes(StandardCharsets.UTF_8), 1_700_000_000_000L),
                new ServerFrame.Message(6, "124", "d:a:b", 4, "alice", "phone", "c-2", "image/png", new byte[] {1, 2}, 1),
                new ServerFrame.Receipt(7, "d:a:b", "bob", ReceiptKind.READ, 4, 1_700_000_000_001L),
                new ServerFrame.ReceiptCounts(8, "g:x", List.of(new ServerFrame.MessageCounts(3, "123", 4, 2, 5),
                        new ServerFrame.MessageCounts(5, "125", 1, 0, 5)), 1_700_000_000_002L),
                new ServerFrame.Synced(7),
                new ServerFrame.Error("r", ErrorCode.UNAVAILABLE, "chat-service unavailable", true),
                new ServerFrame.Error(null, ErrorCode.BAD_JSON, "not JSON", false),
                new ServerFrame.Pong("p"),
                new ServerFrame.Reconnect("draining"),
                new ServerFrame.Typing("d:a:b", "alice", TypingState.COMPOSING),
                new ServerFrame.Presence("alice", true, null),
                new ServerFrame.Presence("alice", false, 1_700_000_000_000L)}) {
            assertThat(codec.decodeServerFrame(codec.encode(frame))).as(frame.type()).isEqualTo(frame);
        }
    }

    @Test
    void everyClientFrameSurvivesARoundTrip() throws FrameException {
        for (ClientFrame frame : new ClientFrame[] {
                new ClientFrame.Send("r", "c", "d:a:b", "text/plain", new byte[0]),
                new ClientFrame.Ack(null, 9), new ClientFrame.Read("r", "d:a:b", 3), new ClientFrame.Sync("s", 0),
                new ClientFrame.Ping(null), new ClientFrame.Typing("t", "d:a:b", TypingState.COMPOSING),
                new ClientFrame.Typing(null, "d:a:b", TypingState.PAUSED),
                new ClientFrame.SubscribePresence("p", List.of("u1", "u2")),
                new ClientFrame.UnsubscribePresence(null, List.of("u1")),
                new ClientFrame.OpenChat("o", "g:g1"), new ClientFrame.CloseChat(null, "g:g1")}) {
            assertThat(codec.decodeClientFrame(codec.encode(frame))).as(frame.type()).isEqualTo(frame);
        }
    }

    @Test
    void aBodyAtTheLimitIsAcceptedAndOneByteMoreIsNot() throws FrameException {
        String atLimit = "x".repeat(Protocol.MAX_BODY_BYTES);
        assertThat(((ClientFrame.Send) codec.decodeClientFrame(send("text/plain", atLimit))).body())
                .hasSize(Protocol.MAX_BODY_BYTES);

        assertThatThrownBy(() -> codec.decodeClientFrame(send("text/plain", atLimit + "x")))
                .isInstanceOfSatisfying(FrameException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BODY_TOO_LARGE);
                    assertThat(e.ref()).isEqualTo("r");
                });
    }

    @Test
    void theBodyLimitCountsUtf8Bytes() {
        // 32,769 two-byte characters are 65,538 bytes.
        assertThatThrownBy(() -> codec.decodeClientFrame(send("text/plain", "é".repeat(32_769))))
                .extracting(e -> ((FrameException) e).code()).isEqualTo(ErrorCode.BODY_TOO_LARGE);
    }

    static Stream<Arguments> badClientFrames() {
        return Stream.of(
                // not JSON at all
                Arguments.of("hello", ErrorCode.BAD_JSON, null),
                // a JSON array, not an object
                Arguments.of("[1,2]", ErrorCode.BAD_JSON, null),
                // two objects in one frame
                Arguments.of("{\"type\":\"ping\"}{\"type\":\"ping\"}", ErrorCode.BAD_JSON, null),
                // a duplicated field is ambiguous
                Arguments.of("{\"type\":\"ping\",\"type\":\"sync\"}", ErrorCode.BAD_JSON, null),
                // truncated
                Arguments.of("{\"type\":\"ping\"", ErrorCode.BAD_JSON, null),
                // no type
                Arguments.of("{\"ref\":\"r\"}", ErrorCode.MISSING_FIELD, "r"),
                // type is not a string
                Arguments.of("{\"type\":5,\"ref\":\"r\"}", ErrorCode.INVALID_FIELD, "r"),
                // a type v1 does not have
                Arguments.of("{\"type\":\"call\",\"ref\":\"r\"}", ErrorCode.UNKNOWN_TYPE, "r"),
                // typing without a state
                Arguments.of("{\"type\":\"typing\",\"ref\":\"r\",\"chat\":\"d:a:b\"}", ErrorCode.MISSING_FIELD, "r"),
                // a typing state v1 does not have
                Arguments.of("{\"type\":\"typing\",\"ref\":\"r\",\"chat\":\"d:a:b\",\"state\":\"recording\"}",
                        ErrorCode.INVALID_FIELD, "r"),
                // open_chat without a chat
                Arguments.of("{\"type\":\"open_chat\",\"ref\":\"r\"}", ErrorCode.MISSING_FIELD, "r"),
                // close_chat with a chat that is not a string
                Arguments.of("{\"type\":\"close_chat\",\"ref\":\"r\",\"chat\":[]}", ErrorCode.INVALID_FIELD, "r"),
                // subscribe_presence without users
                Arguments.of("{\"type\":\"subscribe_presence\",\"ref\":\"r\"}", ErrorCode.MISSING_FIELD, "r"),
                // users is a string, not an array
                Arguments.of("{\"type\":\"subscribe_presence\",\"ref\":\"r\",\"users\":\"u1\"}", ErrorCode.INVALID_FIELD, "r"),
                // an empty array names nobody
                Arguments.of("{\"type\":\"subscribe_presence\",\"ref\":\"r\",\"users\":[]}", ErrorCode.INVALID_FIELD, "r"),
                // an array holding a number
                Arguments.of("{\"type\":\"unsubscribe_presence\",\"ref\":\"r\",\"users\":[\"u1\",2]}", ErrorCode.INVALID_FIELD, "r"),
                // more users than one connection may watch
                Arguments.of("{\"type\":\"subscribe_presence\",\"ref\":\"r\",\"users\":" + users(Protocol.MAX_PRESENCE_SUBSCRIPTIONS + 1)
                        + "}", ErrorCode.INVALID_FIELD, "r"),
                // an array that never ends
                Arguments.of("{\"type\":\"subscribe_presence\",\"ref\":\"r\",\"users\":[\"u1\",", ErrorCode.BAD_JSON, null),
                // an array that never ends, after an item that is not a string
                Arguments.of("{\"type\":\"subscribe_presence\",\"ref\":\"r\",\"users\":[1,[", ErrorCode.BAD_JSON, null),
                // an empty user id
                Arguments.of("{\"type\":\"subscribe_presence\",\"ref\":\"r\",\"users\":[\"\"]}", ErrorCode.INVALID_FIELD, "r"),
                // send without client_msg_id
                Arguments.of("{\"type\":\"send\",\"ref\":\"r\",\"chat\":\"d:a:b\",\"content_type\":\"text/plain\",\"body\":\"x\"}",
                        ErrorCode.MISSING_FIELD, "r"),
                // send with a null chat counts as missing
                Arguments.of("{\"type\":\"send\",\"ref\":\"r\",\"client_msg_id\":\"c\",\"chat\":null,\"content_type\":\"text/plain\",\"body\":\"x\"}",
                        ErrorCode.MISSING_FIELD, "r"),
                // send without body
                Arguments.of("{\"type\":\"send\",\"ref\":\"r\",\"client_msg_id\":\"c\",\"chat\":\"d:a:b\",\"content_type\":\"text/plain\"}",
                        ErrorCode.MISSING_FIELD, "r"),
                // client_msg_id longer than 64 characters
                Arguments.of("{\"type\":\"send\",\"ref\":\"r\",\"client_msg_id\":\"" + "c".repeat(65)
                        + "\",\"chat\":\"d:a:b\",\"content_type\":\"text/plain\",\"body\":\"x\"}", ErrorCode.INVALID_FIELD, "r"),
                // empty client_msg_id
                Arguments.of("{\"type\":\"send\",\"ref\":\"r\",\"client_msg_id\":\"\",\"chat\":\"d:a:b\",\"content_type\":\"text/plain\",\"body\":\"x\"}",
                        ErrorCode.INVALID_FIELD, "r"),
                // a content type that is not a media type
                Arguments.of("{\"type\":\"send\",\"ref\":\"r\",\"client_msg_id\":\"c\",\"chat\":\"d:a:b\",\"content_type\":\"plain\",\"body\":\"x\"}",
                        ErrorCode.INVALID_FIELD, "r"),
                // a content type with a control character (JSON escape of a line feed)
                Arguments.of("{\"type\":\"send\",\"ref\":\"r\",\"client_msg_id\":\"c\",\"chat\":\"d:a:b\",\"content_type\":\"text/plain\\n\",\"body\":\"x\"}",
                        ErrorCode.INVALID_FIELD, "r"),
                // a binary body that is not base64
                Arguments.of("{\"type\":\"send\",\"ref\":\"r\",\"client_msg_id\":\"c\",\"chat\":\"d:a:b\",\"content_type\":\"image/png\",\"body\":\"***\"}",
                        ErrorCode.INVALID_FIELD, "r"),
                // body is an object
                Arguments.of("{\"type\":\"send\",\"ref\":\"r\",\"client_msg_id\":\"c\",\"chat\":\"d:a:b\",\"content_type\":\"text/plain\",\"body\":{}}",
                        ErrorCode.INVALID_FIELD, "r"),
                // ack without cursor
                Arguments.of("{\"type\":\"ack\",\"ref\":\"r\"}", ErrorCode.MISSING_FIELD, "r"),
                // a negative cursor
                Arguments.of("{\"type\":\"sync\",\"ref\":\"r\",\"cursor\":-1}", ErrorCode.INVALID_FIELD, "r"),
                // a cursor that is a string
                Arguments.of("{\"type\":\"sync\",\"ref\":\"r\",\"cursor\":\"5\"}", ErrorCode.INVALID_FIELD, "r"),
                // a fractional cursor
                Arguments.of("{\"type\":\"ack\",\"ref\":\"r\",\"cursor\":1.5}", ErrorCode.INVALID_FIELD, "r"),
                // a cursor beyond 64 bits
                Arguments.of("{\"type\":\"ack\",\"ref\":\"r\",\"cursor\":99999999999999999999999}", ErrorCode.INVALID_FIELD, "r"),
                // read up to seq 0 reads nothing
                Arguments.of("{\"type\":\"read\",\"ref\":\"r\",\"chat\":\"d:a:b\",\"up_to_seq\":0}", ErrorCode.INVALID_FIELD, "r"),
                // a ref that is not a string is rejected, and cannot be echoed
                Arguments.of("{\"type\":\"ping\",\"ref\":7}", ErrorCode.INVALID_FIELD, null),
                // nesting deeper than any frame needs
                Arguments.of("{\"type\":\"ping\",\"x\":" + "[".repeat(40) + "]".repeat(40) + "}", ErrorCode.BAD_JSON, null));
    }

    @ParameterizedTest
    @MethodSource("badClientFrames")
    void rejectsABadFrameWithTheDocumentedCode(String frame, ErrorCode expected, String expectedRef) {
        assertThatThrownBy(() -> codec.decodeClientFrame(frame))
                .isInstanceOfSatisfying(FrameException.class, e -> {
                    assertThat(e.code()).isEqualTo(expected);
                    assertThat(e.ref()).isEqualTo(expectedRef);
                    assertThat(e.toErrorFrame().retriable()).isFalse();
                });
    }

    @Test
    void aClientIgnoresServerFramesOfANewerVersion() {
        assertThatThrownBy(() -> codec.decodeServerFrame("{\"type\":\"call\",\"chat\":\"d:a:b\"}"))
                .extracting(e -> ((FrameException) e).code()).isEqualTo(ErrorCode.UNKNOWN_TYPE);
    }

    @Test
    void anUnknownErrorCodeFromANewerServerReadsAsInternal() throws FrameException {
        assertThat(codec.decodeServerFrame("{\"type\":\"error\",\"code\":\"quota\",\"message\":\"m\",\"retriable\":true}"))
                .isEqualTo(new ServerFrame.Error(null, ErrorCode.INTERNAL, "m", true));
    }

    @Test
    void framesNeverPrintTheirBody() {
        assertThat(new ClientFrame.Send(null, "c", "d:a:b", "text/plain", "secret".getBytes(StandardCharsets.UTF_8)))
                .asString().doesNotContain("secret");
        assertThat(new ServerFrame.Message(1, "1", "d:a:b", 1, "a", "p", "c", "text/plain",
                "secret".getBytes(StandardCharsets.UTF_8), 0)).asString().doesNotContain("secret");
    }

    @Test
    void subscribePresenceAcceptsAsManyUsersAsOneConnectionMayWatch() throws FrameException {
        ClientFrame frame = codec.decodeClientFrame("{\"type\":\"subscribe_presence\",\"users\":"
                + users(Protocol.MAX_PRESENCE_SUBSCRIPTIONS) + "}");

        assertThat(((ClientFrame.SubscribePresence) frame).users()).hasSize(Protocol.MAX_PRESENCE_SUBSCRIPTIONS);
    }

    @Test
    void aPresenceFrameWithoutLastSeenSaysItIsUnknown() throws FrameException {
        assertThat(codec.encode(new ServerFrame.Presence("alice", true, null))).doesNotContain("last_seen");
        assertThat(codec.decodeServerFrame("{\"type\":\"presence\",\"user\":\"alice\",\"online\":false}"))
                .isEqualTo(new ServerFrame.Presence("alice", false, null));
    }

    @Test
    void receiptCountsFromANewerServerKeepWhatTheClientKnows() throws FrameException {
        ServerFrame frame = codec.decodeServerFrame("{\"type\":\"receipt_counts\",\"inbox_seq\":9,\"chat\":\"g:x\","
                + "\"messages\":[{\"seq\":3,\"message_id\":\"123\",\"delivered\":2,\"read\":1,\"members\":4,"
                + "\"played\":1,\"by\":{\"a\":1},\"list\":[1,2]},{\"no_seq\":true}],\"at\":5,\"new_field\":[{}]}");

        assertThat(frame).isEqualTo(new ServerFrame.ReceiptCounts(9, "g:x",
                List.of(new ServerFrame.MessageCounts(3, "123", 2, 1, 4)), 5));
    }

    @Test
    void aClientFrameWithObjectsWhereStringsBelongIsRefused() {
        assertThatThrownBy(() -> codec.decodeClientFrame("{\"type\":\"subscribe_presence\",\"users\":[{\"a\":1}]}"))
                .isInstanceOfSatisfying(FrameException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD));
    }

    private static String users(int count) {
        return IntStream.range(0, count).mapToObj(i -> "\"u" + i + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    private static String send(String contentType, String body) {
        return "{\"type\":\"send\",\"ref\":\"r\",\"client_msg_id\":\"c\",\"chat\":\"d:a:b\",\"content_type\":\"" + contentType
                + "\",\"body\":\"" + body + "\"}";
    }
}
