package io.parley.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.gateway.connection.DeviceConnection;
import io.parley.gateway.device.ConnectedDevices;
import io.parley.gateway.support.TestSocket;
import io.parley.gateway.support.TestTokens;
import io.parley.proto.chat.v1.InboxEntry;
import io.parley.proto.gateway.v1.DeliverRequest;
import io.parley.proto.gateway.v1.DeliveryOutcome;
import io.parley.protocol.ClientFrame;
import io.parley.protocol.ServerFrame;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A connection the gateway is closing handles no more frames, and a device that does not read cannot keep it. */
class ClosingConnectionIntegrationTest extends GatewayIntegrationTest {

    private static final ClientFrame.Send SEND =
            new ClientFrame.Send("r1", "c-1", "d:a:b", "text/plain", "hi".getBytes(StandardCharsets.UTF_8));

    @Autowired
    MeterRegistry meters;
    @Autowired
    ConnectedDevices devices;

    /** With nothing queued the close frame goes out at once; the device not answering it must not keep the socket. */
    @Test
    void aReplacedConnectionThatDoesNotAnswerTheCloseEndsAllTheSame() {
        String user = TestTokens.newId();
        String device = TestTokens.newId();
        try (TestSocket old = connect(user, device)) {
            old.hello();
            stopReading(old);
            double replacedBefore = counted("parley.gateway.disconnects", "reason", "replaced");

            try (TestSocket newer = connect(user, device)) {
                newer.hello();

                await("the close handshake the old device never answers is cut").atMost(Duration.ofSeconds(10))
                        .until(() -> counted("parley.gateway.disconnects", "reason", "replaced") > replacedBefore);
                newer.send(new ClientFrame.Ping("p"));
                assertThat(newer.next()).isEqualTo(new ServerFrame.Pong("p"));
            }
        }
    }

    @Test
    void aReplacedConnectionWithFramesStillQueuedHandlesNoMoreFramesAndIsCutAfterTheCloseGrace() {
        String user = TestTokens.newId();
        String device = TestTokens.newId();
        try (TestSocket old = connect(user, device)) {
            ServerFrame.Hello hello = old.hello();
            old.stopReading();
            old.send(new ClientFrame.Sync(null, 0));
            old.next(ServerFrame.Synced.class); // the last frame the socket asked for
            fillUntilFramesWait(user, hello);
            double ignoredBefore = counted("parley.gateway.frames.in", "type", "ignored");
            double replacedBefore = counted("parley.gateway.disconnects", "reason", "replaced");

            try (TestSocket newer = connect(user, device)) {
                newer.hello();
                old.send(SEND);

                await().atMost(Duration.ofSeconds(10))
                        .until(() -> counted("parley.gateway.frames.in", "type", "ignored") > ignoredBefore);
                assertThat(BACKENDS.chat.sends).as("the send of the replaced connection").isEmpty();
                await("the close the old device cannot take is cut").atMost(Duration.ofSeconds(10))
                        .until(() -> counted("parley.gateway.disconnects", "reason", "replaced") > replacedBefore);
            }
        }
    }

    /** Uses up the one frame the socket still asked for, so it reads nothing more, not even a close frame. */
    private static void stopReading(TestSocket socket) {
        socket.stopReading();
        socket.send(new ClientFrame.Ping("last read"));
        assertThat(socket.next()).isEqualTo(new ServerFrame.Pong("last read"));
    }

    /** Delivers large messages until the TCP buffers are full and frames wait in the gateway's queue (within its bound). */
    private void fillUntilFramesWait(String user, ServerFrame.Hello hello) {
        DeviceConnection connection = devices.byConnectionId(hello.connectionId()).orElseThrow().connection();
        ByteString body = ByteString.copyFromUtf8("x".repeat(60_000));
        for (long inboxSeq = 1; !framesWait(connection); inboxSeq++) {
            assertThat(inboxSeq).as("TCP buffers full within 2 GB").isLessThan(35_000);
            InboxEntry entry = BACKENDS.chat.addMessage(user, "d:a:b", inboxSeq, "m");
            entry = entry.toBuilder().setMessage(entry.getMessage().toBuilder().setBody(body)).build();
            DeliverRequest request = DeliverRequest.newBuilder().setUserId(user).setDeviceId(hello.device())
                    .setConnectionId(hello.connectionId()).addEntries(entry).build();
            assertThat(delivery().deliver(request).getOutcome()).isEqualTo(DeliveryOutcome.DELIVERY_OUTCOME_QUEUED);
        }
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(3)).until(() -> framesWait(connection));
    }

    private static boolean framesWait(DeviceConnection connection) {
        return connection.notReadingSince(Long.MAX_VALUE);
    }

    private double counted(String meter, String tag, String value) {
        return meters.get(meter).tag(tag, value).counter().count();
    }
}
