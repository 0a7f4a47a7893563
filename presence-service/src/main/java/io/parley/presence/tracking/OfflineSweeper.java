package io.parley.presence.tracking;

import io.parley.presence.lastseen.LastSeenStore;
import io.parley.presence.live.LiveState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Every sweep interval: declares gateways whose liveness ran out dead (their connections close), then publishes the
 * offline of every user whose grace ran out and stores their last seen in Cassandra. Every instance sweeps; the
 * scripts let exactly one of them publish each change.
 */
@Component
public class OfflineSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OfflineSweeper.class);

    private final LiveState live;
    private final LastSeenStore lastSeen;
    private final PresenceSettings settings;
    private volatile Disposable sweeping;

    OfflineSweeper(LiveState live, LastSeenStore lastSeen, PresenceSettings settings) {
        this.live = live;
        this.lastSeen = lastSeen;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    public synchronized void ready() {
        if (sweeping == null) {
            sweeping = Flux.interval(settings.sweepInterval(), settings.sweepInterval(), Schedulers.parallel())
                    .onBackpressureDrop()
                    .concatMap(tick -> sweep().onErrorResume(error -> {
                        log.warn("Presence sweep failed; the next one retries: {}", error.toString());
                        return Mono.empty();
                    }))
                    .subscribe();
        }
    }

    /** One sweep; public for tests that drive time themselves. */
    public Mono<Void> sweep() {
        return live.reapDeadGateways(16)
                .doOnNext(gateway -> log.info("Gateway {} stopped reporting: its connections are closed", gateway))
                .then(live.finishDueOfflines(settings.sweepBatch())
                        .concatMap(offline -> lastSeen.save(offline.userId(), offline.lastSeenEpochMillis()))
                        .then());
    }

    @Override
    public void start() {
    }

    @Override
    public synchronized void stop() {
        if (sweeping != null) {
            sweeping.dispose();
            sweeping = null;
        }
    }

    @Override
    public boolean isRunning() {
        return sweeping != null;
    }
}
