package io.parley.gateway.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parley.connections.DeviceLocation;
import io.parley.gateway.metrics.GatewayMetrics;
import io.parley.protocol.FrameCodec;
import io.parley.protocol.ServerFrame;
import io.parley.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import org.springframework.web.reactive.socket.CloseStatus;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;

class DeviceConnectionTest {

    private static final int QUEUE_FRAMES = 16;
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<CloseStatus> terminated = new CopyOnWriteArrayList<>();
    private final AtomicInteger endings = new AtomicInteger();
    private final DeviceConnection connection = new DeviceConnection(
            new DeviceLocation("user", "device", "gw-1", "connection-1", clock.millis()), terminated::add,
            new ConnectionSettings(131_072, Duration.ofSeconds(90), QUEUE_FRAMES, 262_144, 8, 100, 20, 60,
                    Duration.ofSeconds(5), CLOSE_GRACE),
            new FrameCodec(), new GatewayMetrics(new SimpleMeterRegistry()), clock);

    DeviceConnectionTest() {
        connection.whenEnding(endings::incrementAndGet);
    }

    @Test
    void aDeviceThatFillsItsQueueWithoutReadingIsCutOffAsASlowConsumer() {
        for (int i = 0; i < QUEUE_FRAMES; i++) {
            assertThat(connection.offer(new ServerFrame.Pong("p" + i))).isTrue();
        }

        assertThat(connection.offer(new ServerFrame.Pong("one too many"))).isFalse();

        assertThat(connection.isOpen()).isFalse();
        assertThat(connection.endedBecause()).isEqualTo(CloseReason.SLOW_CONSUMER);
        assertThat(terminated).containsExactly(CloseReason.SLOW_CONSUMER.status());
        assertThat(endings).hasValue(1);
    }

    @Test
    void closingKeepsTheSocketForTheQueuedFramesAndRunsTheEndingActionOnce() {
        connection.close(CloseReason.DRAINING);
        connection.close(CloseReason.IDLE);
        connection.inboundEnded();

        assertThat(terminated).isEmpty();
        assertThat(connection.closeStatus()).isEqualTo(CloseReason.DRAINING.status());
        assertThat(endings).hasValue(1);
    }

    @Test
    void aDeviceClosingItsSocketEndsTheConnectionAsClientClosed() {
        connection.inboundEnded();

        assertThat(connection.endedBecause()).isEqualTo(CloseReason.CLIENT_CLOSED);
        assertThat(endings).hasValue(1);
    }

    @Test
    void aConnectionIsIdleOnlyWhenNoFrameArrivedSinceTheCutoff() {
        clock.advance(Duration.ofSeconds(30));
        assertThat(connection.acceptsFrames()).isTrue();

        assertThat(connection.idleSince(clock.millis() - 1)).isFalse();
        assertThat(connection.idleSince(clock.millis() + 1)).isTrue();
    }

    @Test
    void aClosingConnectionAcceptsNoFrameAndFramesDoNotKeepItAlive() {
        connection.close(CloseReason.IDLE);
        clock.advance(Duration.ofSeconds(1));

        assertThat(connection.acceptsFrames()).isFalse();
        assertThat(connection.idleSince(clock.millis())).as("the refused frame did not count").isTrue();
    }

    @Test
    void aGracefulCloseTheDeviceDoesNotCompleteIsCutAfterTheGrace() {
        connection.close(CloseReason.REPLACED);

        clock.advance(CLOSE_GRACE);
        connection.cutIfClosingSince(clock.millis() - CLOSE_GRACE.toMillis());
        assertThat(terminated).as("still within the grace").isEmpty();
        clock.advance(Duration.ofMillis(1));
        connection.cutIfClosingSince(clock.millis() - CLOSE_GRACE.toMillis());
        connection.cutIfClosingSince(clock.millis() - CLOSE_GRACE.toMillis());

        assertThat(terminated).containsExactly(CloseReason.REPLACED.status());
        assertThat(endings).hasValue(1);
    }

    @Test
    void anOpenConnectionIsNeverCutForItsCloseGrace() {
        clock.advance(Duration.ofHours(1));

        connection.cutIfClosingSince(clock.millis());

        assertThat(terminated).isEmpty();
        assertThat(connection.isOpen()).isTrue();
    }

    @Test
    void abortingAConnectionThatIsAlreadyClosingCutsItWithTheFirstReason() {
        connection.close(CloseReason.DRAINING);

        connection.abort(CloseReason.SLOW_CONSUMER);

        assertThat(terminated).containsExactly(CloseReason.DRAINING.status());
        assertThat(connection.endedBecause()).isEqualTo(CloseReason.DRAINING);
        assertThat(endings).hasValue(1);
    }

    @Test
    void aDeviceThatStopsReadingIsNoticedEvenWhileItKeepsSendingFrames() {
        Flux<String> frames = connection.outboundFrames();
        frames.subscribe(new BaseSubscriber<>() {
            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                // the device reads nothing
            }
        });
        connection.offer(new ServerFrame.Pong("unread"));

        clock.advance(Duration.ofSeconds(60));
        assertThat(connection.acceptsFrames()).as("an ack, say").isTrue();

        assertThat(connection.idleSince(clock.millis() - 30_000)).isFalse();
        assertThat(connection.notReadingSince(clock.millis() - 30_000)).isTrue();
    }

    @Test
    void aDeviceThatReadsEverythingIsNotStalledHoweverLongItIsQuiet() {
        connection.outboundFrames().subscribe();
        connection.offer(new ServerFrame.Pong("read"));

        clock.advance(Duration.ofHours(1));

        assertThat(connection.notReadingSince(clock.millis() - 1)).isFalse();
    }
}
