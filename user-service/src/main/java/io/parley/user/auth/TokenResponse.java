package io.parley.user.auth;

import java.util.UUID;

/**
 * Tokens for one device session.
 *
 * @param expiresIn             seconds until the access token expires
 * @param refreshTokenExpiresIn seconds until the refresh token expires if not used
 */
record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken, long refreshTokenExpiresIn,
        UUID userId, UUID deviceId) {

    @Override
    public String toString() {
        return "TokenResponse[userId=" + userId + ", deviceId=" + deviceId + "]";
    }
}
