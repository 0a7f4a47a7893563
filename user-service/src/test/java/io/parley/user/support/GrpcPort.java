package io.parley.user.support;

import io.grpc.ManagedChannel;
import io.grpc.Grpc;
import io.parley.proto.user.v1.UserDirectoryGrpc;
import io.parley.testkit.ServiceIdentityCredentials;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;
import org.springframework.grpc.server.lifecycle.GrpcServerStartedEvent;

/** Learns the random gRPC port when the server starts and hands out stubs on a real channel to it. */
@TestComponent
public class GrpcPort implements DisposableBean {

    private volatile int port;
    private ManagedChannel channel;

    @EventListener
    void started(GrpcServerStartedEvent event) {
        port = event.getPort();
    }

    public synchronized UserDirectoryGrpc.UserDirectoryBlockingStub directory() {
        if (channel == null) {
            channel = Grpc.newChannelBuilderForAddress("127.0.0.1", port, ServiceIdentityCredentials.callingAs("chat-service"))
                    .build();
        }
        return UserDirectoryGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    @Override
    public synchronized void destroy() {
        if (channel != null) {
            channel.shutdownNow();
        }
    }
}
