package io.parley.user.ratelimit;

import java.net.InetSocketAddress;
import org.springframework.web.server.ServerWebExchange;

/** Who to count an unauthenticated request against. */
public final class ClientAddress {

    private ClientAddress() {
    }

    /** The peer address, or the client's as reported by a trusted proxy when forward headers are enabled. */
    public static String of(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
