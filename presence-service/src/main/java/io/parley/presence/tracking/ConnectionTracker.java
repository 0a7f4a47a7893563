package io.parley.presence.tracking;

import io.parley.presence.live.LiveState;
import java.time.Duration;
import java.util.HashSet;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies gateways' reports to the live state. Closes go first, then opens: either order gives the same result for a
 * device that reconnected within one report, and this one never shows its user offline even for a moment in Redis.
 */
@Component
public class ConnectionTracker {

    private final LiveState live;
    private final PresenceSettings settings;

    ConnectionTracker(LiveState live, PresenceSettings settings) {
        this.live = live;
        this.settings = settings;
    }

    /** Applies the report; emits true if presence-service held nothing for the gateway (it must resend everything). */
    public Mono<Boolean> apply(GatewayReport report) {
        Duration ttl = report.livenessTtl().compareTo(settings.maxGatewayTtl()) > 0 ? settings.maxGatewayTtl() : report.livenessTtl();
        Mono<Void> stale = report.complete()
                ? live.closeAllExcept(report.gatewayId(), new HashSet<>(report.opened()))
                : Mono.empty();
        return live.alive(report.gatewayId(), ttl)
                .flatMap(known -> stale
                        .thenMany(Flux.fromIterable(report.closed()).concatMap(closed -> live.close(closed.connection(), closed.ago())))
                        .thenMany(Flux.fromIterable(report.opened()).concatMap(live::open))
                        .then(Mono.just(!known && !report.complete())));
    }
}
