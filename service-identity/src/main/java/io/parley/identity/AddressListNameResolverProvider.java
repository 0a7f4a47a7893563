package io.parley.identity;

import io.grpc.NameResolver;
import io.grpc.NameResolverProvider;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Targets that list every instance of a service, {@code addresses:///127.0.0.1:9082,127.0.0.1:9182}: what the local
 * stack and the end-to-end tests give callers of a service that runs several times on one machine. gRPC-Java has no
 * multi-address static resolver; in Kubernetes {@code dns:///<headless service>:<port>} does the same job.
 * The scheme is not {@code static}: Spring gRPC strips {@code static:} from a target as a synonym of plain host:port.
 * Registered through {@code META-INF/services}, so every channel of the JVM understands the scheme.
 */
public final class AddressListNameResolverProvider extends NameResolverProvider {

    public static final String SCHEME = "addresses";

    @Override
    public NameResolver newNameResolver(URI targetUri, NameResolver.Args args) {
        if (!SCHEME.equals(targetUri.getScheme())) {
            return null;
        }
        return new AddressListNameResolver(addresses(targetUri));
    }

    /** {@code addresses:///h1:p1,h2:p2} to its addresses, unresolved (the resolver resolves them when it starts). */
    static List<String> addresses(URI targetUri) {
        String path = targetUri.getPath() == null ? "" : targetUri.getPath().replaceFirst("^/", "");
        List<String> addresses = Arrays.stream(path.split(",")).map(String::trim).filter(a -> !a.isEmpty()).toList();
        if (addresses.isEmpty() || addresses.stream().anyMatch(address -> !address.matches("[^\\s:/]+:\\d{1,5}"))) {
            throw new IllegalArgumentException("Invalid gRPC target " + targetUri + ": use " + SCHEME
                    + ":///host:port,host:port");
        }
        return addresses;
    }

    @Override
    public String getDefaultScheme() {
        return SCHEME;
    }

    @Override
    protected boolean isAvailable() {
        return true;
    }

    /** Below DNS (5): a target without a scheme keeps meaning a DNS name. */
    @Override
    protected int priority() {
        return 4;
    }

    @Override
    public Collection<Class<? extends SocketAddress>> getProducedSocketAddressTypes() {
        return List.of(InetSocketAddress.class);
    }
}
