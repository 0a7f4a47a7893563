package io.parley.chat.fanout;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.grpc.ClientInterceptor;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.parley.connections.GatewayAddress;
import io.parley.identity.ServiceChannels;
import io.parley.grpc.calls.GrpcMessageLimits;
import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.grpc.client.ChannelCredentialsProvider;

/**
 * One gRPC channel per gateway instance address, created on first use and closed when unused for a while
 * (gateway pods come and go) or when this service stops. Calls carry trace context through {@code tracing}.
 * A gateway is reached by its pod's address; the TLS handshake checks that it is a gateway
 * ({@value #GATEWAY_IDENTITY}).
 */
final class GatewayChannels implements DisposableBean {

    static final String GATEWAY_IDENTITY = "gateway-service";

    private final Cache<String, ManagedChannel> channels;
    private final ClientInterceptor tracing;
    private final ChannelCredentialsProvider credentials;

    GatewayChannels(Duration idleTtl, ClientInterceptor tracing, ChannelCredentialsProvider credentials) {
        this.tracing = tracing;
        this.credentials = credentials;
        this.channels = Caffeine.newBuilder()
                .expireAfterAccess(idleTtl)
                .removalListener((String target, ManagedChannel channel, RemovalCause cause) -> {
                    if (channel != null) {
                        channel.shutdown();
                    }
                })
                .build();
    }

    ManagedChannel channel(GatewayAddress gateway) {
        return channels.get(gateway.host() + ":" + gateway.grpcPort(), target -> ServiceChannels.expecting(
                        Grpc.newChannelBuilder(target, credentials.getChannelCredentials(target)), GATEWAY_IDENTITY)
                .maxInboundMessageSize(GrpcMessageLimits.MAX_MESSAGE_BYTES)
                .intercept(tracing)
                .build());
    }

    @Override
    public void destroy() {
        channels.invalidateAll();
        channels.cleanUp();
    }
}
