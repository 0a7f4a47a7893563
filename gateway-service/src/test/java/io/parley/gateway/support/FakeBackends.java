package io.parley.gateway.support;

import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.parley.testkit.ServiceIdentityCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;

/** chat-service, user-service and presence-service, faked in one gRPC server on a free loopback port. */
public final class FakeBackends implements AutoCloseable {

    public final FakeChatService chat = new FakeChatService();
    public final FakeUserDirectory users = new FakeUserDirectory();
    public final FakePresence presence = new FakePresence();
    private final Server server;

    public FakeBackends() {
        try {
            server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0),
                            ServiceIdentityCredentials.serving("chat-service"))
                    .addService(chat)
                    .addService(users)
                    .addService(presence)
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String address() {
        return "127.0.0.1:" + server.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
