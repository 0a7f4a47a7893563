package io.parley.infra.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** The cheapest readiness probe: a TCP connection is accepted. */
public final class TcpPort {

    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);

    private TcpPort() {
    }

    public static boolean acceptsConnections(InetSocketAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(address, (int) CONNECT_TIMEOUT.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
