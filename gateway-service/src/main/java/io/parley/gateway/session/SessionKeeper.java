package io.parley.gateway.session;

import io.parley.gateway.connection.CloseReason;
import io.parley.gateway.connection.ConnectionSettings;
import io.parley.gateway.connection.Connections;
import io.parley.gateway.connection.DeviceConnection;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * One periodic sweep over all connections instead of a timer per connection: closes the idle ones and refreshes
 * the registry entries that are due.
 */
@Component
public class SessionKeeper implements SmartLifecycle {

    private final Connections connections;
    private final DeviceSessions sessions;
    private final ConnectionSettings settings;
    private final Clock clock;
    private volatile Disposable sweeping;

    public SessionKeeper(Connections connections, DeviceSessions sessions, ConnectionSettings settings, Clock clock) {
        this.connections = connections;
        this.sessions = sessions;
        this.settings = settings;
        this.clock = clock;
    }

    void sweep() {
        long idleCutoff = clock.millis() - settings.idleTimeout().toMillis();
        for (DeviceConnection connection : connections.all()) {
            if (connection.idleSince(idleCutoff)) {
                connection.close(CloseReason.IDLE);
            } else {
                sessions.refreshIfDue(connection);
            }
        }
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
