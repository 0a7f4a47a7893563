package io.parley.gateway.session;

import io.parley.gateway.connection.CloseReason;
import io.parley.gateway.connection.DeviceConnection;
import io.parley.sessions.SessionRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * This gateway's connections in the session registry: registered before a connection handles its first frame
 * (so chat-service delivers to it before its sync starts), refreshed while it lives, removed when it ends.
 */
@Component
public class DeviceSessions {

    private static final Logger log = LoggerFactory.getLogger(DeviceSessions.class);

    private final SessionRegistry registry;
    private final SessionSettings settings;
    private final Clock clock;

    public DeviceSessions(SessionRegistry registry, SessionSettings settings, Clock clock) {
        this.registry = registry;
        this.settings = settings;
        this.clock = clock;
    }

    public Mono<Void> register(DeviceConnection connection) {
        return registry.register(connection.session()).doOnSuccess(done -> connection.registrationRefreshed());
    }

    /** Refreshes the entry if the last refresh is older than the refresh interval. */
    public void refreshIfDue(DeviceConnection connection) {
        if (connection.registrationDue(clock.millis() - settings.refreshInterval().toMillis())) {
            connection.registrationRefreshed();
            registry.refresh(connection.session()).subscribe(ours -> {
                if (!ours) {
                    connection.close(CloseReason.REPLACED);
                }
            }, error -> log.warn("Cannot refresh the session of {}: {}", connection, error.toString()));
        }
    }

    /** Removes the entry unless a newer connection of the device owns it by now; never fails. */
    public Mono<Void> remove(DeviceConnection connection) {
        return registry.remove(connection.session())
                .onErrorResume(error -> {
                    log.warn("Cannot remove the session of {} (it expires on its own): {}", connection, error.toString());
                    return Mono.empty();
                })
                .then();
    }
}
