package io.parley.user.support;

import java.util.UUID;

/** A signed-in device of a test user. */
public record Session(UUID userId, String username, UUID deviceId, String accessToken, String refreshToken) {

    public String bearer() {
        return "Bearer " + accessToken;
    }
}
