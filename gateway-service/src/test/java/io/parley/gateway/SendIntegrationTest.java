package io.parley.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.gateway.support.TestSocket;
import io.parley.gateway.support.TestTokens;
import io.parley.protocol.ClientFrame;
import io.parley.protocol.ErrorCode;
import io.parley.protocol.ServerFrame;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

class SendIntegrationTest extends GatewayIntegrationTest {

    @Autowired
    WebTestClient http;

    @Test
    void aSendIsAnsweredWithTheMessageIdChatServiceAssigned() {
        try (TestSocket socket = connect(TestTokens.newId(), TestTokens.newId())) {
            socket.hello();

            socket.send(send("r1", "c-1", "hello"));
            ServerFrame.Sent first = socket.next(ServerFrame.Sent.class);
            socket.send(send("r2", "c-1", "hello"));
            ServerFrame.Sent repeat = socket.next(ServerFrame.Sent.class);

            assertThat(first.ref()).isEqualTo("r1");
            assertThat(first.clientMsgId()).isEqualTo("c-1");
            assertThat(repeat.messageId()).isEqualTo(first.messageId());
            assertThat(BACKENDS.chat.sends).extracting(request -> request.getBody().toStringUtf8())
                    .containsExactly("hello", "hello");
        }
        http.get().uri("/actuator/prometheus").exchange().expectBody(String.class)
                .value(body -> assertThat(body).contains("parley_gateway_send_latency_seconds_count"));
    }

    @Test
    void aDeviceOverItsRateLimitIsToldToSlowDownAndStaysConnected() {
        try (TestSocket socket = connect(TestTokens.newId(), TestTokens.newId())) {
            socket.hello();

            for (int i = 0; i < 30; i++) {
                socket.send(send("r" + i, "c-" + i, "m" + i));
            }
            List<ServerFrame> answers = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                answers.add(socket.next());
            }

            List<ServerFrame.Error> limited = answers.stream().filter(ServerFrame.Error.class::isInstance)
                    .map(ServerFrame.Error.class::cast).toList();
            assertThat(limited).hasSizeGreaterThanOrEqualTo(5).allSatisfy(error -> {
                assertThat(error.code()).isEqualTo(ErrorCode.RATE_LIMITED);
                assertThat(error.retriable()).isTrue();
            });
            assertThat(answers).filteredOn(ServerFrame.Sent.class::isInstance).hasSize(30 - limited.size());
            socket.send(new ClientFrame.Ping("p"));
            assertThat(socket.next()).isEqualTo(new ServerFrame.Pong("p"));
        }
    }

    @Test
    void acksAndReadsGoToChatServiceAsTheConnectionsDevice() {
        String user = TestTokens.newId();
        String device = TestTokens.newId();
        try (TestSocket socket = connect(user, device)) {
            socket.hello();

            socket.send(new ClientFrame.Ack(null, 42));
            socket.send(new ClientFrame.Read("read-1", "d:a:b", 7));
            socket.send(new ClientFrame.Read("read-2", "g:not-mine", 3));

            ServerFrame.Error refused = socket.next(ServerFrame.Error.class);
            assertThat(refused.ref()).isEqualTo("read-2");
            assertThat(refused.code()).isEqualTo(ErrorCode.NOT_A_MEMBER);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(BACKENDS.chat.acks).singleElement().satisfies(ack -> {
                    assertThat(ack.getUserId()).isEqualTo(user);
                    assertThat(ack.getDeviceId()).isEqualTo(device);
                    assertThat(ack.getUpToInboxSeq()).isEqualTo(42);
                });
                assertThat(BACKENDS.chat.reads).extracting(read -> read.getChatId() + "@" + read.getUpToSeq())
                        .containsExactlyInAnyOrder("d:a:b@7", "g:not-mine@3");
            });
        }
    }

    private static ClientFrame.Send send(String ref, String clientMsgId, String text) {
        return new ClientFrame.Send(ref, clientMsgId, "d:a:b", "text/plain", text.getBytes(StandardCharsets.UTF_8));
    }
}
