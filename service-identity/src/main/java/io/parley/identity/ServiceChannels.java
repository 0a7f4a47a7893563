package io.parley.identity;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import org.springframework.grpc.client.ChannelBuilderOptions;
import org.springframework.grpc.client.GrpcChannelBuilderCustomizer;
import org.springframework.grpc.client.GrpcChannelFactory;

/**
 * Channels that check WHO answers, not where: the TLS handshake verifies that the server's certificate names
 * {@code service} (e.g. {@code chat-service}), whatever host name or pod address the target has. So certificates
 * name services, never deployments, and a Kubernetes release can call its Services whatever it likes.
 */
public final class ServiceChannels {

    private ServiceChannels() {
    }

    /** A channel from Spring gRPC's factory (this service's certificate, the services' CA) to {@code service}. */
    public static ManagedChannel to(GrpcChannelFactory channels, String target, String service) {
        return channels.createChannel(target, ChannelBuilderOptions.defaults().withCustomizer(expecting(service)));
    }

    /** Raw, as Spring gRPC's self-referential generic bound cannot be inferred for a lambda. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static GrpcChannelBuilderCustomizer expecting(String service) {
        return (ignored, builder) -> ((ManagedChannelBuilder<?>) builder).overrideAuthority(service);
    }

    /** The same check on a channel built by hand. */
    public static ManagedChannelBuilder<?> expecting(ManagedChannelBuilder<?> builder, String service) {
        return builder.overrideAuthority(service);
    }
}
