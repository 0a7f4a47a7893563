package io.parley.connections;

import java.util.Objects;

/** One open connection of one device, held by one gateway instance. */
public record DeviceLocation(String userId, String deviceId, String gatewayId, String connectionId,
        long connectedAtEpochMillis) {

    private static final char SEPARATOR = '|';

    public DeviceLocation {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(gatewayId, "gatewayId");
        Objects.requireNonNull(connectionId, "connectionId");
        if (gatewayId.indexOf(SEPARATOR) >= 0 || connectionId.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("gateway and connection ids must not contain '|'");
        }
    }

    String encodedLocation() {
        return gatewayId + SEPARATOR + connectionId + SEPARATOR + connectedAtEpochMillis;
    }

    static DeviceLocation decode(String userId, String deviceId, String location) {
        String[] parts = location.split("\\|", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("malformed registry entry for device " + deviceId);
        }
        return new DeviceLocation(userId, deviceId, parts[0], parts[1], Long.parseLong(parts[2]));
    }
}
