package io.parley.gateway.drain;

import io.parley.gateway.connection.CloseReason;
import io.parley.gateway.connection.DeviceConnection;
import io.parley.gateway.device.ConnectedDevices;
import io.parley.gateway.instance.GatewayAnnouncer;
import io.parley.protocol.ServerFrame;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

/**
 * Shutting down (SIGTERM): refuse new handshakes, withdraw the gateway's announcement so chat-service stops routing
 * here, tell every device to {@code reconnect} elsewhere and close it with 1012, and wait (bounded) until their
 * registry entries are removed. Runs on {@link ContextClosedEvent}, before any bean stops, so the chat-service
 * client and Redis are still there; devices miss nothing, since they sync from their cursor after reconnecting.
 */
@Component
public class Drain implements ApplicationListener<ContextClosedEvent> {

    private static final Logger log = LoggerFactory.getLogger(Drain.class);
    private static final Duration POLL = Duration.ofMillis(50);

    private final ConnectedDevices devices;
    private final GatewayAnnouncer announcer;
    private final DrainSettings settings;
    private volatile boolean draining;

    public Drain(ConnectedDevices devices, GatewayAnnouncer announcer, DrainSettings settings) {
        this.devices = devices;
        this.announcer = announcer;
        this.settings = settings;
    }

    public boolean isDraining() {
        return draining;
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        drain();
    }

    public synchronized void drain() {
        if (draining) {
            return;
        }
        draining = true;
        announcer.withdraw();
        log.info("Draining {} connections", devices.connections().size());
        for (DeviceConnection connection : devices.connections()) {
            connection.offer(new ServerFrame.Reconnect("server draining; connect to another gateway and sync"));
            connection.close(CloseReason.DRAINING);
        }
        awaitAllEnded(settings.timeout());
        int late = devices.connections().size();
        if (late > 0) {
            log.warn("{} connections did not close within {}; cutting them", late, settings.timeout());
            devices.connections().forEach(connection -> connection.abort(CloseReason.DRAINING));
            awaitAllEnded(Duration.ofSeconds(1));
        }
        log.info("Drained");
    }

    private void awaitAllEnded(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!devices.isEmpty() && System.nanoTime() < deadline) {
            sleep();
        }
    }

    private static void sleep() {
        try {
            TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
