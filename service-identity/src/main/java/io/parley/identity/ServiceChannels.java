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
 *
 * <p>Every channel balances its calls over all the instances its target resolves to ({@code round_robin}): a
 * target that names several instances ({@code dns:///} of a headless Service, {@code addresses:///h1:p1,h2:p2})
 * spreads the load and keeps working while one instance restarts. gRPC's default ({@code pick_first}) would send
 * everything to one instance.
 */
public final class ServiceChannels {

    /** The load-balancing policy of every Parley service channel. */
    public static final String LOAD_BALANCING_POLICY = "round_robin";

    /**
     * What a callee's address setting accepts: {@code host:port}, {@code dns:///host:port} (every address the name
     * resolves to, e.g. a headless Service) or {@code addresses:///host:port,host:port} (a fixed list).
     */
    public static final String TARGET_PATTERN = "(dns:///)?[^\\s:/,]+:\\d{1,5}"
            + "|" + AddressListNameResolverProvider.SCHEME + ":///[^\\s:/,]+:\\d{1,5}(,[^\\s:/,]+:\\d{1,5})*";

    /** The validation message that goes with {@link #TARGET_PATTERN}. */
    public static final String TARGET_MESSAGE =
            "must be host:port, dns:///host:port or addresses:///host:port,host:port";

    private ServiceChannels() {
    }

    /**
     * A channel from Spring gRPC's factory (this service's certificate, the services' CA) to {@code service}, already
     * connecting: a channel that connects on its first call makes that call (and every call made while the TLS
     * handshake runs) wait for it, and after a start on a busy machine the first burst of handshakes and presence
     * subscriptions failed their 2 s deadlines that way.
     */
    public static ManagedChannel to(GrpcChannelFactory channels, String target, String service) {
        ManagedChannel channel = channels.createChannel(target, ChannelBuilderOptions.defaults().withCustomizer(expecting(service)));
        channel.getState(true);
        return channel;
    }

    /** Raw, as Spring gRPC's self-referential generic bound cannot be inferred for a lambda. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static GrpcChannelBuilderCustomizer expecting(String service) {
        return (ignored, builder) -> expecting((ManagedChannelBuilder<?>) builder, service);
    }

    /** The same check and balancing on a channel built by hand. */
    public static ManagedChannelBuilder<?> expecting(ManagedChannelBuilder<?> builder, String service) {
        return builder.overrideAuthority(service).defaultLoadBalancingPolicy(LOAD_BALANCING_POLICY);
    }
}
