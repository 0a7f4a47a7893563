package io.parley.gateway.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parley.connections.DeviceLocation;
import io.parley.gateway.connection.ConnectionSettings;
import io.parley.gateway.connection.DeviceConnection;
import io.parley.gateway.device.ConnectedDevices;
import io.parley.gateway.instance.GatewayInstanceSettings;
import io.parley.gateway.metrics.GatewayMetrics;
import io.parley.gateway.presence.PresenceServiceClient;
import io.parley.gateway.presence.PresenceServiceSettings;
import io.parley.proto.presence.v1.Connection;
import io.parley.proto.presence.v1.ReportRequest;
import io.parley.proto.presence.v1.ReportResponse;
import io.parley.protocol.FrameCodec;
import io.parley.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** What the reports carry, at times the test chooses (no presence-service: the client records the requests). */
class PresenceReporterTest {

    private static final Duration CALL = Duration.ofSeconds(5);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<ReportRequest> sent = new CopyOnWriteArrayList<>();
    private final PresenceServiceSettings settings = new PresenceServiceSettings("127.0.0.1:1", Duration.ofSeconds(2),
            Duration.ofMillis(250), Duration.ofSeconds(10));
    private final ConnectedDevices devices = mock(ConnectedDevices.class);
    private final PresenceReporter reporter = new PresenceReporter(new PresenceServiceClient(null, settings) {
        @Override
        public Mono<ReportResponse> report(ReportRequest request) {
            sent.add(request);
            return Mono.just(ReportResponse.getDefaultInstance());
        }
    }, settings, devices, new GatewayInstanceSettings("gw-1", "127.0.0.1", Duration.ofSeconds(10), Duration.ofSeconds(30)),
            clock);

    @Test
    void aClosedConnectionCarriesHowLongBeforeTheReportItClosed() {
        DeviceConnection phone = connection("alice", "phone", "c-1");
        when(devices.connections()).thenReturn(List.of(phone));
        reporter.report().block(CALL);
        assertThat(sent.get(0).getComplete()).isTrue();
        assertThat(sent.get(0).getOpenedList()).extracting(Connection::getConnectionId).containsExactly("c-1");

        reporter.closed(phone);
        clock.advance(Duration.ofMillis(180));
        reporter.report().block(CALL);

        ReportRequest second = sent.get(1);
        assertThat(second.getComplete()).isFalse();
        assertThat(second.getClosedList()).singleElement().satisfies(closed -> {
            assertThat(closed.getConnectionId()).isEqualTo("c-1");
            assertThat(closed.getClosedMillisAgo()).isEqualTo(180);
        });
    }

    @Test
    void anOpenedConnectionIsReportedInTheNextReport() {
        when(devices.connections()).thenReturn(List.of());
        reporter.report().block(CALL);

        reporter.opened(connection("bob", "laptop", "c-2"));
        reporter.report().block(CALL);

        assertThat(sent.get(1).getOpenedList()).singleElement().satisfies(opened -> {
            assertThat(opened.getUserId()).isEqualTo("bob");
            assertThat(opened.getClosedMillisAgo()).isZero();
        });
        assertThat(sent.get(1).getClosedList()).isEmpty();
    }

    private DeviceConnection connection(String user, String device, String id) {
        return new DeviceConnection(new DeviceLocation(user, device, "gw-1", id, clock.millis()), status -> { },
                new ConnectionSettings(131_072, Duration.ofSeconds(90), 16, 262_144, 8, 100, 20, 60,
                        Duration.ofSeconds(5), Duration.ofSeconds(5)),
                new FrameCodec(), new GatewayMetrics(new SimpleMeterRegistry()), clock);
    }
}
