package io.parley.chat.fanout;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.parley.connections.ConnectionRegistry;
import io.parley.connections.GatewayAddress;
import io.parley.proto.gateway.v1.DeliveryGrpc;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Finds the Delivery service of a gateway instance: its announced address (cached briefly, gateways
 * re-announce every few seconds) and a channel to it. An instance that stopped announcing has no stub.
 */
final class GatewayDirectory {

    private static final Duration ADDRESS_CACHE = Duration.ofSeconds(5);
    private static final Duration REDIS_TIMEOUT = Duration.ofSeconds(1);

    private final ConnectionRegistry registry;
    private final GatewayChannels channels;
    private final AsyncCache<String, Optional<GatewayAddress>> addresses = Caffeine.newBuilder()
            .expireAfterWrite(ADDRESS_CACHE)
            .maximumSize(10_000)
            .buildAsync();

    GatewayDirectory(ConnectionRegistry registry, GatewayChannels channels) {
        this.registry = registry;
        this.channels = channels;
    }

    CompletableFuture<Optional<DeliveryGrpc.DeliveryStub>> stub(String gatewayId) {
        return addresses.get(gatewayId, (id, executor) -> registry.gateway(id).timeout(REDIS_TIMEOUT)
                        .map(Optional::of).defaultIfEmpty(Optional.empty()).toFuture())
                .thenApply(address -> address.map(gateway -> DeliveryGrpc.newStub(channels.channel(gateway))));
    }
}
