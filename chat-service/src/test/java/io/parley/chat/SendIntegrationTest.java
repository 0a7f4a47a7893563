package io.parley.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.parley.chat.chats.ChatId;
import io.parley.proto.chat.v1.MessageSubmitted;
import io.parley.proto.chat.v1.SendRequest;
import io.parley.proto.chat.v1.SendResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** The send path: durable before OK, idempotent by client_msg_id, authorized, validated. */
class SendIntegrationTest extends ChatServiceIntegrationTest {

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Test
    void answersOnlyOnceTheMessageIsInKafka() throws Exception {
        String alice = newUser();
        String bob = newUser();
        ChatId chat = chatOf(alice, bob);

        SendResponse sent = send(alice, "phone", chat, "c-1", "hello bob");

        List<MessageSubmitted> inKafka = submitted(chat);
        assertThat(inKafka).singleElement().satisfies(message -> {
            assertThat(message.getMessageId()).isEqualTo(sent.getMessageId());
            assertThat(message.getSenderUserId()).isEqualTo(alice);
            assertThat(message.getSenderDeviceId()).isEqualTo("phone");
            assertThat(message.getClientMsgId()).isEqualTo("c-1");
            assertThat(message.getBody().toStringUtf8()).isEqualTo("hello bob");
            assertThat(message.getSubmittedAtEpochMillis()).isEqualTo(sent.getAcceptedAtEpochMillis());
        });
        assertThat(sent.getDuplicate()).isFalse();
    }

    @Test
    void theCallersTraceContinuesThroughTopicsMessagesAndInbox() {
        String alice = newUser();
        String bob = newUser();
        ChatId chat = chatOf(alice, bob);
        String traceId = UUID.randomUUID().toString().replace("-", "");
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER), "00-" + traceId + "-00f067aa0ba902b7-01");

        chat().withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers)).send(SendRequest.newBuilder()
                .setUserId(alice).setDeviceId("phone").setClientMsgId("traced").setChatId(chat.value())
                .setContentType("text/plain").setBody(ByteString.copyFromUtf8("traced")).build());
        awaitInbox(bob, 1);

        assertThat(traceIdOf(records(chat).get(0))).isEqualTo(traceId);
        assertThat(topics().readAll(INBOX).stream().filter(record -> bob.equals(record.key())).map(SendIntegrationTest::traceIdOf))
                .containsExactly(traceId);
    }

    private static String traceIdOf(ConsumerRecord<String, byte[]> record) {
        assertThat(record.headers().lastHeader("traceparent")).as("traceparent header").isNotNull();
        String traceparent = new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.US_ASCII);
        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        return traceparent.substring(3, 35);
    }

    @Test
    void aResendWithTheSameClientMsgIdGetsTheSameIdAndMakesNoSecondMessage() {
        String alice = newUser();
        String bob = newUser();
        ChatId chat = chatOf(alice, bob);

        SendResponse first = send(alice, "phone", chat, "same", "once");
        SendResponse again = send(alice, "phone", chat, "same", "once");

        assertThat(again.getMessageId()).isEqualTo(first.getMessageId());
        assertThat(again.getDuplicate()).isTrue();
        assertThat(records(chat)).hasSize(1);
        send(alice, "phone", chat, "barrier", "after");
        awaitStored(chat, 2);
        assertThat(storedSeqs(chat)).containsExactly(1L, 2L);
        assertThat(awaitInbox(bob, 2)).extracting(entry -> entry.getMessage().getClientMsgId()).containsExactly("same", "barrier");
    }

    @Test
    void concurrentResendsAllGetTheSameId() throws Exception {
        String alice = newUser();
        ChatId chat = chatOf(alice, newUser());
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<CompletableFuture<SendResponse>> sends = IntStream.range(0, 6)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> send(alice, "phone", chat, "racy", "one"), threads))
                    .toList();

            assertThat(sends.stream().map(CompletableFuture::join).map(SendResponse::getMessageId).distinct()).hasSize(1);
        } finally {
            threads.shutdownNow();
        }
        awaitStored(chat, 1);
        send(alice, "phone", chat, "barrier", "after");
        awaitStored(chat, 2);
        assertThat(storedSeqs(chat)).containsExactly(1L, 2L);
    }

    @Test
    void aClientMsgIdCannotBeReusedForAnotherChatOrAnotherMessage() {
        String alice = newUser();
        ChatId chat = chatOf(alice, newUser());
        send(alice, "phone", chat, "reused", "first");

        for (Runnable reuse : List.<Runnable>of(
                () -> send(alice, "phone", chatOf(alice, newUser()), "reused", "first"),
                () -> send(alice, "phone", chat, "reused", "something else"))) {
            assertThatThrownBy(reuse::run).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                assertThat(errorInfo(e).getReason()).isEqualTo("CLIENT_MSG_ID_REUSED");
            });
        }
    }

    @Test
    void aNonMemberIsRefusedAndNothingIsStored() {
        String alice = newUser();
        String bob = newUser();
        String mallory = newUser();
        ChatId chat = chatOf(alice, bob);

        assertThatThrownBy(() -> send(mallory, "laptop", chat, "intrude", "hi"))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
                    assertThat(errorInfo(e).getReason()).isEqualTo("NOT_A_MEMBER");
                    assertThat(errorInfo(e).getDomain()).isEqualTo("parley.io");
                });
        assertNothingPersisted(mallory, "intrude", chat);
    }

    @Test
    void aSendToAUserWithoutAnAccountIsRefusedAsNotAMemberAndNothingIsStored() {
        String alice = newUser();
        String nobody = newUser();
        DIRECTORY.noAccount(nobody);
        ChatId chat = chatOf(alice, nobody);

        assertThatThrownBy(() -> send(alice, "phone", chat, "to-nobody", "hello?"))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
                    assertThat(errorInfo(e).getReason()).isEqualTo("NOT_A_MEMBER");
                });
        // the answer is cached like a block: another send is refused without asking user-service again
        assertThatThrownBy(() -> send(alice, "phone", chat, "to-nobody-2", "hello?"))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e ->
                        assertThat(errorInfo(e).getReason()).isEqualTo("NOT_A_MEMBER"));
        assertThat(DIRECTORY.checksOf(alice, nobody)).isEqualTo(1);
        assertNothingPersisted(alice, "to-nobody", chat);
        assertNothingPersisted(alice, "to-nobody-2", chat);
        assertThat(cql.execute("SELECT chat_id FROM chats_by_user WHERE user_id = ?", nobody).all()).isEmpty();
    }

    @Test
    void blockedUsersCannotMessageEachOtherInEitherDirection() {
        String alice = newUser();
        String bob = newUser();
        ChatId chat = chatOf(alice, bob);
        DIRECTORY.block(bob, alice);

        assertThatThrownBy(() -> send(alice, "phone", chat, "blocked", "hi"))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
                    assertThat(errorInfo(e).getReason()).isEqualTo("BLOCKED");
                });
        assertThatThrownBy(() -> send(bob, "phone", chat, "blocker", "hi"))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e ->
                        assertThat(errorInfo(e).getReason()).isEqualTo("BLOCKED"));
        assertNothingPersisted(alice, "blocked", chat);
        assertNothingPersisted(bob, "blocker", chat);
    }

    @Test
    void withoutTheUserDirectoryNoMessageIsAccepted() {
        String alice = newUser();
        ChatId chat = chatOf(alice, newUser());
        DIRECTORY.setUnavailable(true);
        try {
            assertThatThrownBy(() -> send(alice, "phone", chat, "dir-down", "hi"))
                    .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
                        assertThat(errorInfo(e).getReason()).isEqualTo("USER_DIRECTORY_UNAVAILABLE");
                    });
        } finally {
            DIRECTORY.setUnavailable(false);
        }
        assertNothingPersisted(alice, "dir-down", chat);
    }

    @ParameterizedTest
    @MethodSource
    void malformedSendsAreRefusedWithTheirReason(UnaryOperator<SendRequest.Builder> change, String reason) {
        String alice = newUser();
        ChatId chat = chatOf(alice, newUser());
        SendRequest request = change.apply(SendRequest.newBuilder().setUserId(alice).setDeviceId("phone")
                .setClientMsgId("bad").setChatId(chat.value()).setContentType("text/plain")
                .setBody(ByteString.copyFromUtf8("x"))).build();

        assertThatThrownBy(() -> chat().send(request)).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
            assertThat(errorInfo(e).getReason()).isEqualTo(reason);
        });
        assertNothingPersisted(alice, "bad", chat);
        assertThat(topics().readAll(MESSAGES)).noneMatch(record -> request.getChatId().equals(record.key()));
    }

    static Stream<Arguments> malformedSendsAreRefusedWithTheirReason() {
        return Stream.of(
                // a body one byte over 64 KiB
                Arguments.of((UnaryOperator<SendRequest.Builder>) b -> b.setBody(ByteString.copyFrom(new byte[65_537])), "BODY_TOO_LARGE"),
                // users of the chat id out of order
                Arguments.of((UnaryOperator<SendRequest.Builder>) b -> b.setChatId("d:zzz:aaa"), "BAD_CHAT_ID"),
                // the other user is not a UUID: refused here, not by user-service as a malformed id (was UNAVAILABLE)
                Arguments.of((UnaryOperator<SendRequest.Builder>) b -> b.setChatId("d:" + b.getUserId() + ":zzz"), "BAD_CHAT_ID"),
                // the other user's id in upper case: the same user spelled differently would get a second inbox
                Arguments.of((UnaryOperator<SendRequest.Builder>) SendIntegrationTest::otherUserInUpperCase, "BAD_CHAT_ID"),
                // no content type
                Arguments.of((UnaryOperator<SendRequest.Builder>) b -> b.clearContentType(), "MISSING_FIELD"),
                // no client_msg_id
                Arguments.of((UnaryOperator<SendRequest.Builder>) b -> b.clearClientMsgId(), "MISSING_FIELD"),
                // a client_msg_id of 65 characters
                Arguments.of((UnaryOperator<SendRequest.Builder>) b -> b.setClientMsgId("x".repeat(65)), "BAD_CLIENT_MSG_ID"));
    }

    private static SendRequest.Builder otherUserInUpperCase(SendRequest.Builder request) {
        String sender = request.getUserId();
        String other = ChatId.parse(request.getChatId()).membersOtherThan(sender).get(0).toUpperCase(Locale.ROOT);
        return request.setChatId(sender.compareTo(other) < 0 ? "d:" + sender + ":" + other : "d:" + other + ":" + sender);
    }

    private void assertNothingPersisted(String userId, String clientMsgId, ChatId chat) {
        assertThat(redis.hasKey("parley:chat:dedup:{" + userId + "}:" + clientMsgId).block()).isFalse();
        assertThat(records(chat)).isEmpty();
        assertThat(cql.execute("SELECT chat_id FROM chats_by_user WHERE user_id = ?", userId).all()).isEmpty();
        assertThat(storedSeqs(chat)).isEmpty();
    }

    private List<ConsumerRecord<String, byte[]>> records(ChatId chat) {
        return topics().readAll(MESSAGES).stream().filter(record -> chat.value().equals(record.key())).toList();
    }

    private List<MessageSubmitted> submitted(ChatId chat) {
        return records(chat).stream().map(record -> {
            try {
                return MessageSubmitted.parseFrom(record.value());
            } catch (InvalidProtocolBufferException e) {
                throw new AssertionError(e);
            }
        }).toList();
    }
}
