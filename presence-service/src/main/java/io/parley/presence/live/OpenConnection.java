package io.parley.presence.live;

/** One connection of one device on one gateway, as gateways report it. */
public record OpenConnection(String gatewayId, String userId, String deviceId, String connectionId) {

    private static final char SEPARATOR = '|';

    String userMember() {
        return gatewayId + SEPARATOR + deviceId + SEPARATOR + connectionId;
    }

    String gatewayMember() {
        return userId + SEPARATOR + deviceId + SEPARATOR + connectionId;
    }

    /** A connection listed in a gateway's set, or null if the member is malformed. */
    static OpenConnection fromGatewayMember(String gatewayId, String member) {
        String[] parts = member.split("\\|", 3);
        return parts.length == 3 ? new OpenConnection(gatewayId, parts[0], parts[1], parts[2]) : null;
    }
}
