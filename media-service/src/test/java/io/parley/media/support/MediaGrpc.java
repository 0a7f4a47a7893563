package io.parley.media.support;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.parley.proto.media.v1.MediaLibraryGrpc;
import io.parley.testkit.ServiceIdentityCredentials;
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
    private ManagedChannel channel;

    @EventListener
    synchronized void started(GrpcServerStartedEvent event) {
        port = event.getPort();
        destroy();
        channel = null;
    }

    public synchronized MediaLibraryGrpc.MediaLibraryBlockingStub library() {
        if (channel == null) {
            channel = Grpc.newChannelBuilderForAddress("127.0.0.1", port, ServiceIdentityCredentials.callingAs("chat-service"))
                    .build();
        }
        return MediaLibraryGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    @Override
    public synchronized void destroy() {
        if (channel != null) {
            channel.shutdownNow();
        }
    }
}
