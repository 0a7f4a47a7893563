package io.parley.connections;

import java.util.Objects;

/** Where a gateway instance accepts Delivery gRPC calls. */
public record GatewayAddress(String gatewayId, String host, int grpcPort) {

    public GatewayAddress {
        Objects.requireNonNull(gatewayId, "gatewayId");
        Objects.requireNonNull(host, "host");
        if (grpcPort < 1 || grpcPort > 65535) {
            throw new IllegalArgumentException("grpcPort must be 1..65535, was " + grpcPort);
        }
    }

    String encoded() {
        return host + ":" + grpcPort;
    }

    static GatewayAddress decode(String gatewayId, String encoded) {
        int colon = encoded.lastIndexOf(':');
        return new GatewayAddress(gatewayId, encoded.substring(0, colon), Integer.parseInt(encoded.substring(colon + 1)));
    }
}
