package io.parley.doubles;

import io.grpc.BindableService;
import io.grpc.Grpc;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.parley.testkit.ServiceIdentityCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A real gRPC server on a free loopback port that presents {@code service}'s test certificate and requires its
 * callers' (as the real service does), serving one or more doubles. Stopped when the test JVM exits.
 */
public final class DoubleServer {

    private final Server server;

    private DoubleServer(Server server) {
        this.server = server;
    }

    public static DoubleServer serving(String service, BindableService... doubles) {
        ServerBuilder<?> builder = Grpc.newServerBuilderForPort(0, ServiceIdentityCredentials.serving(service));
        for (BindableService implementation : doubles) {
            builder.addService(implementation);
        }
        try {
            Server server = builder.build().start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "stop-" + service + "-double"));
            return new DoubleServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code 127.0.0.1:<port>}, as a service's address setting takes it. */
    public String address() {
        return "127.0.0.1:" + server.getPort();
    }

    public int port() {
        return server.getPort();
    }
}
