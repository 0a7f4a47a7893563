package io.parley.gateway.support;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.parley.doubles.FakeUserDirectory;
import io.parley.testkit.ServiceIdentityCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;

/**
 * chat-service (ChatService and ChatMembership), user-service and presence-service, faked on free loopback ports, each over mutual TLS with the
 * certificate of the service it stands for (the gateway checks that the callee is who it expects).
 */
public final class FakeBackends implements AutoCloseable {

    public final FakeChatService chat = new FakeChatService();
    public final FakeChatMembership chatMembership = new FakeChatMembership();
    public final FakeUserDirectory users = new FakeUserDirectory();
    public final FakePresence presence = new FakePresence();
    private final Server chatServer = serve("chat-service", chat, chatMembership);
    private final Server usersServer = serve("user-service", users);
    private final Server presenceServer = serve("presence-service", presence);

    private static Server serve(String identity, BindableService... services) {
        try {
            NettyServerBuilder server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0),
                    ServiceIdentityCredentials.serving(identity));
            for (BindableService service : services) {
                server.addService(service);
            }
            return server.build().start();
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
