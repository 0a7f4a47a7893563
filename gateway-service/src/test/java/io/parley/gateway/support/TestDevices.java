package io.parley.gateway.support;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parley.gateway.connection.ConnectionSettings;
import io.parley.gateway.device.ConnectedDevices;
import io.parley.gateway.instance.GatewayInstanceSettings;
import io.parley.gateway.metrics.GatewayMetrics;
import io.parley.gateway.presence.Watchers;
import io.parley.gateway.receipts.ReceiptSettings;
import io.parley.gateway.sync.SyncSettings;
import io.parley.gateway.typing.ChatOpeners;
import io.parley.gateway.typing.TypingSettings;
import io.parley.protocol.FrameCodec;
import java.time.Clock;
import java.time.Duration;
import reactor.core.publisher.Mono;

/** The gateway's connected devices without Spring, with application.yaml's defaults and an inbox that never answers. */
public final class TestDevices {

    public static final ConnectionSettings CONNECTION = new ConnectionSettings(262_144, Duration.ofSeconds(90), 1024,
            8_388_608, 64, 100, 20, 60, Duration.ofSeconds(5), Duration.ofSeconds(5));
    public static final SyncSettings SYNC = new SyncSettings(1, 5, 2_097_152, Duration.ofMillis(100), Duration.ofSeconds(5));
    public static final ReceiptSettings RECEIPTS = new ReceiptSettings(10, 30, 10, 20, Duration.ofMillis(50));
    public static final TypingSettings TYPING = new TypingSettings(2, 6, Duration.ofSeconds(60), 100_000, Duration.ofSeconds(5), 100_000);

    private TestDevices() {
    }

    public static ConnectedDevices connectedDevices(ConnectionSettings connection, Clock clock) {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        return new ConnectedDevices(connection, SYNC, RECEIPTS, TYPING,
                new GatewayInstanceSettings("gw-1", "127.0.0.1", Duration.ofSeconds(1), Duration.ofSeconds(2)),
                (device, after, limit) -> Mono.never(), new Watchers(), new ChatOpeners(), new FrameCodec(), new GatewayMetrics(meters), meters, clock);
    }

    public static ConnectedDevices connectedDevices() {
        return connectedDevices(CONNECTION, Clock.systemUTC());
    }
}
