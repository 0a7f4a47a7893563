package io.parley.gateway.instance;

import io.parley.connections.ConnectionRegistry;
import io.parley.connections.GatewayAddress;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.grpc.server.lifecycle.GrpcServerStartedEvent;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Announces {@code host:grpcPort} of this instance's Delivery service in the registry once the gRPC server listens,
 * re-announces it periodically (the entry expires if the instance dies), and withdraws it when draining.
 */
@Component
public class GatewayAnnouncer {

    private static final Logger log = LoggerFactory.getLogger(GatewayAnnouncer.class);
    private static final Duration WITHDRAW_TIMEOUT = Duration.ofSeconds(3);

    private final ConnectionRegistry registry;
    private final GatewayInstanceSettings settings;
    private volatile Disposable announcing;

    public GatewayAnnouncer(ConnectionRegistry registry, GatewayInstanceSettings settings) {
        this.registry = registry;
        this.settings = settings;
    }

    @EventListener
    public synchronized void grpcServerStarted(GrpcServerStartedEvent started) {
        if (announcing != null || started.getPort() < 1) {
            return; // an in-process server (tests) has no port to announce
        }
        GatewayAddress address = new GatewayAddress(settings.id(), settings.advertisedHost(), started.getPort());
        log.info("Gateway {} delivers at {}:{}", settings.id(), address.host(), address.grpcPort());
        announcing = Flux.interval(Duration.ZERO, settings.announceInterval(), Schedulers.parallel())
                .onBackpressureDrop()
                .concatMap(tick -> registry.announceGateway(address, settings.announceTtl())
                        .onErrorResume(error -> {
                            log.warn("Cannot announce gateway {}: {}", settings.id(), error.toString());
                            return Mono.empty();
                        }))
                .subscribe();
    }

    /** Stops announcing and removes the announcement, so chat-service stops routing deliveries here. */
    public void withdraw() {
        Disposable running = announcing;
        if (running != null) {
            running.dispose();
        }
        try {
            registry.withdrawGateway(settings.id()).block(WITHDRAW_TIMEOUT);
        } catch (RuntimeException e) {
            log.warn("Cannot withdraw gateway {} (its announcement expires on its own): {}", settings.id(), e.toString());
        }
    }
}
