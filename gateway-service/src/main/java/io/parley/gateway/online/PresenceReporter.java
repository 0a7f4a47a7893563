package io.parley.gateway.online;

import io.parley.gateway.connection.DeviceConnection;
import io.parley.gateway.device.ConnectedDevices;
import io.parley.gateway.instance.GatewayInstanceSettings;
import io.parley.gateway.presence.PresenceServiceClient;
import io.parley.gateway.presence.PresenceServiceSettings;
import io.parley.proto.presence.v1.Connection;
import io.parley.proto.presence.v1.ReportRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Tells presence-service which connections opened and closed here: one Report per interval, however many devices came
 * and went (a reconnect storm costs presence-service one call per gateway per interval), sent even when empty because
 * it is also this gateway's heartbeat. The first report, a report after a failed one, and a report presence-service
 * asks for ({@code resend_all}) are complete: they list every connection held here, so nothing lost is left behind.
 */
@Component
public class PresenceReporter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PresenceReporter.class);

    private final PresenceServiceClient presence;
    private final PresenceServiceSettings settings;
    private final ConnectedDevices devices;
    private final String gatewayId;
    private final Queue<Connection> opened = new ConcurrentLinkedQueue<>();
    private final Queue<Closed> closed = new ConcurrentLinkedQueue<>();
    private final Clock clock;
    private volatile boolean complete = true;
    private volatile Disposable reporting;

    PresenceReporter(PresenceServiceClient presence, PresenceServiceSettings settings, ConnectedDevices devices,
            GatewayInstanceSettings instance, Clock clock) {
        this.presence = presence;
        this.clock = clock;
        this.settings = settings;
        this.devices = devices;
        this.gatewayId = instance.id();
    }

    /** The connection is registered and reads frames: its user is online. */
    public void opened(DeviceConnection connection) {
        opened.add(proto(connection));
    }

    /** The connection closed now: presence counts its user's grace (and last seen) from this moment, not the report's. */
    public void closed(DeviceConnection connection) {
        closed.add(new Closed(proto(connection), clock.millis()));
    }

    /** One report; public for tests that drive reports themselves. */
    public Mono<Void> report() {
        boolean full = complete;
        List<Connection> openedNow = drain(opened);
        long now = clock.millis();
        List<Connection> closedNow = drain(closed).stream().map(close -> close.reportedAt(now)).toList();
        if (full) {
            openedNow = devices.connections().stream().filter(DeviceConnection::isOpen).map(PresenceReporter::proto).toList();
            closedNow = List.of();
        }
        ReportRequest request = ReportRequest.newBuilder().setGatewayId(gatewayId).addAllOpened(openedNow)
                .addAllClosed(closedNow).setComplete(full).setLivenessTtlMillis(settings.livenessTtl().toMillis()).build();
        return presence.report(request)
                .doOnNext(answer -> complete = answer.getResendAll())
                .doOnError(failure -> complete = true)
                .then();
    }

    private static <T> List<T> drain(Queue<T> queue) {
        List<T> drained = new ArrayList<>();
        for (T next = queue.poll(); next != null; next = queue.poll()) {
            drained.add(next);
        }
        return drained;
    }

    private static Connection proto(DeviceConnection connection) {
        return Connection.newBuilder().setUserId(connection.identity().userId()).setDeviceId(connection.identity().deviceId())
                .setConnectionId(connection.id()).build();
    }

    private record Closed(Connection connection, long closedAtMillis) {

        Connection reportedAt(long nowMillis) {
            return connection.toBuilder().setClosedMillisAgo(Math.max(0, nowMillis - closedAtMillis)).build();
        }
    }

    @Override
    public synchronized void start() {
        if (reporting == null) {
            reporting = Flux.interval(settings.reportInterval(), settings.reportInterval(), Schedulers.parallel())
                    .onBackpressureDrop()
                    .concatMap(tick -> report().onErrorResume(failure -> {
                        log.warn("Cannot report connections to presence-service; the next report is complete: {}",
                                failure.toString());
                        return Mono.empty();
                    }))
                    .subscribe();
        }
    }

    /**
     * Stops reporting. Connections still open are not reported closed: their devices reconnect elsewhere within
     * presence's grace, or go offline once this gateway's liveness runs out.
     */
    @Override
    public synchronized void stop() {
        if (reporting != null) {
            reporting.dispose();
            reporting = null;
        }
    }

    @Override
    public boolean isRunning() {
        return reporting != null;
    }
}
