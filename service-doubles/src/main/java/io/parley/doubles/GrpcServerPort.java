package io.parley.doubles;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.context.event.EventListener;
import org.springframework.grpc.server.lifecycle.GrpcServerStartedEvent;

/**
 * The port the gRPC server of the service under test actually listens on (tests start it on port 0): register it as
 * a bean of the test's context.
 */
public class GrpcServerPort {

    private final CompletableFuture<Integer> port = new CompletableFuture<>();

    @EventListener
    void started(GrpcServerStartedEvent event) {
        port.complete(event.getPort());
    }

    public int get() {
        try {
            return port.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the gRPC server", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the gRPC server did not start within 60 s", e);
        }
    }
}
