package io.parley.auth.verification;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;

/**
 * What makes a verified signature a Parley access token: RFC 9068 type {@code at+jwt}, a {@code kid}
 * header, our issuer and audience, unexpired, and user and device ids that are UUIDs. The same rules
 * apply in user-service (local keys) and in every other service (keys from the JWKS URL).
 */
public final class ParleyTokenValidators {

    /** The audience of every Parley access token. */
    public static final String AUDIENCE = "parley";
    /** The JOSE {@code typ} of an access token (RFC 9068), so no other kind of JWT is accepted as one. */
    public static final String TOKEN_TYPE = "at+jwt";

    private ParleyTokenValidators() {
    }

    public static OAuth2TokenValidator<Jwt> create(String issuer, String audience, Duration clockSkew, Clock clock) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(clockSkew);
        timestamps.setClock(clock);
        timestamps.setAllowEmptyExpiryClaim(false);
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtTypeValidator(TOKEN_TYPE),
                check("kid", jwt -> jwt.getHeaders().get("kid") instanceof String kid && !kid.isBlank()),
                timestamps,
                new JwtIssuerValidator(issuer),
                new JwtAudienceValidator(audience),
                check(JwtClaimNames.SUB, jwt -> isUuid(jwt.getSubject())),
                check(ParleyPrincipal.DEVICE_CLAIM, jwt -> isUuid(jwt.getClaimAsString(ParleyPrincipal.DEVICE_CLAIM))),
                check(JwtClaimNames.JTI, jwt -> jwt.getId() != null && !jwt.getId().isBlank())));
    }

    private static OAuth2TokenValidator<Jwt> check(String name, Predicate<Jwt> valid) {
        OAuth2Error error = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The '" + name + "' of the token is missing or invalid", null);
        return jwt -> valid.test(jwt) ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(error);
    }

    private static boolean isUuid(String value) {
        if (value == null) {
            return false;
        }
        try {
            return UUID.fromString(value).toString().equals(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
