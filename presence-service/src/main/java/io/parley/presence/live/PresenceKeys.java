package io.parley.presence.live;

/**
 * Redis names of presence's live state. A user's keys share the hash tag {@code {userId}}; the two global sorted sets
 * (pending offlines, gateway liveness) and a gateway's connection set are single keys.
 */
final class PresenceKeys {

    static final String PENDING_OFFLINE = "parley:presence:pending";
    static final String GATEWAYS = "parley:presence:gateways";

    private PresenceKeys() {
    }

    /** The user's open connections, as {@code gatewayId|deviceId|connectionId}. */
    static String connections(String userId) {
        return "parley:presence:{" + userId + "}:connections";
    }

    /** What subscribers were last told: {@code online} (1/0), {@code last_seen}, and {@code offline_since} while pending. */
    static String state(String userId) {
        return "parley:presence:{" + userId + "}:state";
    }

    /** One gateway's connections, as {@code userId|deviceId|connectionId}, for declaring them closed if it dies. */
    static String gateway(String gatewayId) {
        return "parley:presence:gateway:" + gatewayId;
    }

    /** Where changes of one user's presence are published (the gateways' contract: presence.proto). */
    static String channel(String userId) {
        return "parley:presence:" + userId;
    }
}
