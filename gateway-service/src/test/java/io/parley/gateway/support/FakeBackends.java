package io.parley.gateway.support;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.parley.testkit.ServiceIdentityCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;

/**
 * chat-service, user-service and presence-service, faked on free loopback ports, each over mutual TLS with the
 * certificate of the service it stands for (the gateway checks that the callee is who it expects).
 */
public final class FakeBackends implements AutoCloseable {

    public final FakeChatService chat = new FakeChatService();
    public final FakeUserDirectory users = new FakeUserDirectory();
    public final FakePresence presence = new FakePresence();
    private final Server chatServer = serve(chat, "chat-service");
    private final Server usersServer = serve(users, "user-service");
    private final Server presenceServer = serve(presence, "presence-service");

    private static Server serve(BindableService service, String identity) {
        try {
            return NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0),
                            ServiceIdentityCredentials.serving(identity))
                    .addService(service)
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String chatAddress() {
        return "127.0.0.1:" + chatServer.getPort();
    }

    public String usersAddress() {
        return "127.0.0.1:" + usersServer.getPort();
    }

    public String presenceAddress() {
        return "127.0.0.1:" + presenceServer.getPort();
    }

    @Override
    public void close() {
        chatServer.shutdownNow();
        usersServer.shutdownNow();
        presenceServer.shutdownNow();
    }
}
