package io.parley.user.auth;

import io.parley.auth.verification.ParleyAuthenticationToken;
import java.util.UUID;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * The {@code sid} claim: the session (refresh-token family) an access token was issued for. Only
 * user-service reads it; other services need not know sessions exist.
 */
public final class SessionClaim {

    public static final String NAME = "sid";

    private SessionClaim() {
    }

    public static UUID of(ParleyAuthenticationToken authentication) {
        String session = authentication.getToken().getClaimAsString(NAME);
        if (session == null) {
            throw new InvalidBearerTokenException("The token has no session");
        }
        try {
            return UUID.fromString(session);
        } catch (IllegalArgumentException e) {
            throw new InvalidBearerTokenException("The token has no valid session");
        }
    }
}
