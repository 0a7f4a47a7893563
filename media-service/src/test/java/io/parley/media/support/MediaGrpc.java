package io.parley.media.support;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.parley.proto.media.v1.MediaLibraryGrpc;
import io.parley.testkit.ServiceIdentityCredentials;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;
import org.springframework.grpc.server.lifecycle.GrpcServerStartedEvent;

/**
 * Learns the random gRPC port when the server starts and hands out MediaLibrary stubs on a real channel to it. The
 * server starts again on another port when the test framework resumes a paused cached context, so a new start
 * replaces the channel.
 */
@TestComponent
public class MediaGrpc implements DisposableBean {

    private volatile int port;
    private final Map<String, ManagedChannel> channels = new HashMap<>();

    @EventListener
    synchronized void started(GrpcServerStartedEvent event) {
        port = event.getPort();
        destroy();
    }

    /** As chat-service calls it. */
    public MediaLibraryGrpc.MediaLibraryBlockingStub library() {
        return libraryAs("chat-service");
    }

    /** As {@code caller} (a service name on the test certificate) calls it. */
    public synchronized MediaLibraryGrpc.MediaLibraryBlockingStub libraryAs(String caller) {
        ManagedChannel channel = channels.computeIfAbsent(caller, name -> Grpc.newChannelBuilderForAddress("127.0.0.1", port,
                ServiceIdentityCredentials.callingAs(name)).build());
        return MediaLibraryGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    @Override
    public synchronized void destroy() {
        channels.values().forEach(ManagedChannel::shutdownNow);
        channels.clear();
    }
}
