package io.parley.bench.accounts;

/** A device signed in to an account: the access token the WebSocket handshake presents. */
public record DeviceLogin(User user, String deviceId, String accessToken) {
}
