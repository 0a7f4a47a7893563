package io.parley.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.parley.gateway.support.TestSocket;
import io.parley.gateway.support.TestTokens;
import io.parley.proto.chat.v1.AckInboxRequest;
import io.parley.protocol.ClientFrame;
import io.parley.protocol.ErrorCode;
import io.parley.protocol.ServerFrame;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/** sync and read frames are rate-limited per connection; ack frames are merged into few AckInbox calls. */
class FrameLimitsIntegrationTest extends GatewayIntegrationTest {

    private static final int FLOOD = 12;

    @Autowired
    MeterRegistry meters;

    static Stream<Arguments> limitedFrames() {
        return Stream.of(
                // each sync restarts an inbox fetch (burst 2, 1/s in these tests)
                Arguments.of("sync", (IntFunction<ClientFrame>) i -> new ClientFrame.Sync("f" + i, 0)),
                // each read is a MarkRead call (burst 3, 1/s in these tests)
                Arguments.of("read", (IntFunction<ClientFrame>) i -> new ClientFrame.Read("f" + i, "d:a:b", i + 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("limitedFrames")
    void aFloodOfFramesBeyondTheRateIsRefusedWithRateLimitedAndTheConnectionStaysUsable(String type,
            IntFunction<ClientFrame> frame) {
        try (TestSocket socket = connect(TestTokens.newId(), TestTokens.newId())) {
            socket.hello();

            for (int i = 0; i < FLOOD; i++) {
                socket.send(frame.apply(i));
            }

            ServerFrame.Error refused = nextError(socket);
            assertThat(refused.code()).isEqualTo(ErrorCode.RATE_LIMITED);
            assertThat(refused.retriable()).isTrue();
            assertThat(refused.ref()).startsWith("f");
            socket.send(new ClientFrame.Ping("after"));
            skipUntil(socket, new ServerFrame.Pong("after"));
        }
    }

    @Test
    void acksArrivingWhileAnAckCallRunsGoToChatServiceAsOneCallWithTheHighestCursor() {
        Semaphore ackCalls = new Semaphore(0);
        BACKENDS.chat.gateAcks(ackCalls);
        try (TestSocket socket = connect(TestTokens.newId(), TestTokens.newId())) {
            socket.hello();
            double acksBefore = meters.get("parley.gateway.frames.in").tag("type", "ack").counter().count();

            for (int cursor = 1; cursor <= 50; cursor++) {
                socket.send(new ClientFrame.Ack(null, cursor));
            }
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    meters.get("parley.gateway.frames.in").tag("type", "ack").counter().count() >= acksBefore + 50
                            && !BACKENDS.chat.acks.isEmpty());
            ackCalls.release(100);

            await().atMost(Duration.ofSeconds(10)).until(() -> !BACKENDS.chat.acks.isEmpty()
                    && BACKENDS.chat.acks.get(BACKENDS.chat.acks.size() - 1).getUpToInboxSeq() == 50);
            assertThat(BACKENDS.chat.acks).extracting(AckInboxRequest::getUpToInboxSeq)
                    .as("the call that was running, then one with the highest cursor").hasSizeLessThanOrEqualTo(2)
                    .isSorted();
        }
    }

    private static ServerFrame.Error nextError(TestSocket socket) {
        while (true) {
            ServerFrame frame = socket.next();
            if (frame instanceof ServerFrame.Error error) {
                return error;
            }
        }
    }

    private static void skipUntil(TestSocket socket, ServerFrame expected) {
        while (!socket.next().equals(expected)) {
            // synced frames and further refusals of the flood
        }
    }
}
