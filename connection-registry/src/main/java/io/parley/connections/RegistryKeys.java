package io.parley.connections;

/**
 * Redis key layout. The user id sits in a hash tag so a user's entry and index share a cluster slot.
 * <pre>
 *   parley:sess:{user}:device   -> "gatewayId|connectionId|connectedAtMillis"   (TTL, refreshed by heartbeat)
 *   parley:sess-idx:{user}      -> set of device ids that may have an entry     (TTL, refreshed with it)
 *   parley:gateway:gatewayId    -> "host:grpcPort"                              (TTL, refreshed by the gateway)
 * </pre>
 */
final class RegistryKeys {

    private RegistryKeys() {
    }

    static String device(String userId, String deviceId) {
        return "parley:sess:{" + userId + "}:" + deviceId;
    }

    static String index(String userId) {
        return "parley:sess-idx:{" + userId + "}";
    }

    static String gateway(String gatewayId) {
        return "parley:gateway:" + gatewayId;
    }
}
