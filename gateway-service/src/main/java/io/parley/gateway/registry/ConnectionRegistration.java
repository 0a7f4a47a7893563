package io.parley.gateway.registry;

import io.parley.connections.ConnectionRegistry;
import io.parley.gateway.connection.CloseReason;
import io.parley.gateway.connection.DeviceConnection;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * This gateway's connections in the connection registry: registered before a connection handles its first frame
 * (so chat-service delivers to it before its sync starts), refreshed while it lives, removed when it ends.
 */
@Component
public class ConnectionRegistration {

    private static final Logger log = LoggerFactory.getLogger(ConnectionRegistration.class);

    private final ConnectionRegistry registry;
    private final RegistrySettings settings;
    private final Clock clock;

    public ConnectionRegistration(ConnectionRegistry registry, RegistrySettings settings, Clock clock) {
        this.registry = registry;
        this.settings = settings;
        this.clock = clock;
    }

    public Mono<Void> register(DeviceConnection connection) {
        return registry.register(connection.location()).doOnSuccess(done -> connection.registrationRefreshed());
    }

    /** Refreshes the entry if the last refresh is older than the refresh interval. */
    public void refreshIfDue(DeviceConnection connection) {
        if (connection.registrationDue(clock.millis() - settings.refreshInterval().toMillis())) {
            connection.registrationRefreshed();
            registry.refresh(connection.location()).subscribe(ours -> {
                if (!ours) {
                    connection.close(CloseReason.REPLACED);
                }
            }, error -> log.warn("Cannot refresh the registry entry of {}: {}", connection, error.toString()));
        }
    }

    /** Removes the entry unless a newer connection of the device owns it by now; never fails. */
    public Mono<Void> remove(DeviceConnection connection) {
        return registry.remove(connection.location())
                .onErrorResume(error -> {
                    log.warn("Cannot remove the registry entry of {} (it expires on its own): {}", connection,
                            error.toString());
                    return Mono.empty();
                })
                .then();
    }
}
