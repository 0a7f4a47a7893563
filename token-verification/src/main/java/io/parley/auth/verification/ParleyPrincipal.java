package io.parley.auth.verification;

import java.util.Objects;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling: a user acting through one of their devices. Every Parley access token names both,
 * because authorization decisions (whose keys, which connection, which sync cursor) are per device.
 */
public record ParleyPrincipal(UUID userId, UUID deviceId) {

    /** Claim holding the device id; {@code sub} holds the user id. */
    public static final String DEVICE_CLAIM = "did";

    public ParleyPrincipal {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(deviceId, "deviceId");
    }

    /** The caller named by an already verified token; a token without valid ids is rejected as a bad token. */
    public static ParleyPrincipal from(Jwt jwt) {
        return new ParleyPrincipal(uuidClaim(jwt.getSubject(), "sub"), uuidClaim(jwt.getClaimAsString(DEVICE_CLAIM), DEVICE_CLAIM));
    }

    private static UUID uuidClaim(String value, String claim) {
        if (value == null) {
            throw new BadJwtException("Access token has no '" + claim + "' claim");
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new BadJwtException("Access token claim '" + claim + "' is not a UUID");
        }
    }
}
