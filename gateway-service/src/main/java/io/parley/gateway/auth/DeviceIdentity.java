package io.parley.gateway.auth;

import java.util.Objects;

/**
 * The user and device a connection acts for, established once at the handshake from the access token or connect
 * ticket. Frames never choose their user: every call a connection makes names this identity.
 */
public record DeviceIdentity(String userId, String deviceId) {

    public DeviceIdentity {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(deviceId, "deviceId");
    }
}
