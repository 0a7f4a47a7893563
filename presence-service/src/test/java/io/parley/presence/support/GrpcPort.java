package io.parley.presence.support;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.context.event.EventListener;
import org.springframework.grpc.server.lifecycle.GrpcServerStartedEvent;

/** The port the application's gRPC server actually listens on (tests start it on port 0). */
public class GrpcPort {

    private final CompletableFuture<Integer> port = new CompletableFuture<>();

    @EventListener
    void started(GrpcServerStartedEvent event) {
        port.complete(event.getPort());
    }

    public int get() {
        try {
            return port.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the gRPC server did not start", e);
        }
    }
}
