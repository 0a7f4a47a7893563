package io.parley.gateway.registry;

import io.parley.gateway.connection.CloseReason;
import io.parley.gateway.connection.ConnectionSettings;
import io.parley.gateway.connection.DeviceConnection;
import io.parley.gateway.device.ConnectedDevices;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * One periodic sweep over all connections instead of a timer per connection: closes the idle ones, cuts the ones
 * that stopped reading and those whose close outlived the close grace, and refreshes the registry entries that are
 * due.
 */
@Component
public class ConnectionSweeper implements SmartLifecycle {

    private final ConnectedDevices devices;
    private final ConnectionRegistration registration;
    private final ConnectionSettings settings;
    private final Clock clock;
    private volatile Disposable sweeping;

    public ConnectionSweeper(ConnectedDevices devices, ConnectionRegistration registration, ConnectionSettings settings,
            Clock clock) {
        this.devices = devices;
        this.registration = registration;
        this.settings = settings;
        this.clock = clock;
    }

    void sweep() {
        long now = clock.millis();
        long idleCutoff = now - settings.idleTimeout().toMillis();
        long closeCutoff = now - settings.closeGrace().toMillis();
        for (DeviceConnection connection : devices.connections()) {
            if (!connection.isOpen()) {
                connection.cutIfClosingSince(closeCutoff);
            } else if (connection.idleSince(idleCutoff)) {
                connection.close(CloseReason.IDLE);
            } else if (connection.notReadingSince(idleCutoff)) {
                // Frames it sends (acks, pings) keep it from being idle; frames it does not take show it is gone.
                connection.abort(CloseReason.SLOW_CONSUMER);
            } else {
                registration.refreshIfDue(connection);
            }
        }
        devices.forgetRestedSendRateLimits();
    }

    @Override
    public void start() {
        Duration interval = settings.sweepInterval();
        sweeping = Flux.interval(interval, interval, Schedulers.parallel()).subscribe(tick -> sweep());
    }

    @Override
    public void stop() {
        Disposable running = sweeping;
        if (running != null) {
            running.dispose();
            sweeping = null;
        }
    }

    @Override
    public boolean isRunning() {
        return sweeping != null;
    }
}
