package io.parley.user.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.parley.auth.verification.ParleyPrincipal;
import io.parley.auth.verification.ParleyTokenValidators;
import io.parley.user.auth.signing.SigningKey;
import io.parley.user.auth.signing.SigningKeyRing;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Issues access JWTs: ES256, header {@code kid} and {@code typ: at+jwt}; claims iss, sub (user id),
 * aud ("parley"), iat, exp, jti, {@code did} (device id) and {@code sid} (session, i.e. refresh-token
 * family, which user-service checks so a signed-out device's token stops working here at once).
 */
@Component
class AccessTokens {

    private final SigningKeyRing keys;
    private final TokenSettings settings;
    private final Clock clock;

    AccessTokens(SigningKeyRing keys, TokenSettings settings, Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    IssuedAccessToken issue(UUID userId, UUID deviceId, UUID sessionId) {
        SigningKey key = keys.signingKey();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.accessTokenLifetime());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .subject(userId.toString())
                .audience(ParleyTokenValidators.AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .claim(ParleyPrincipal.DEVICE_CLAIM, deviceId.toString())
                .claim(SessionClaim.NAME, sessionId.toString())
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(key.kid())
                .type(new JOSEObjectType(ParleyTokenValidators.TOKEN_TYPE))
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new ECDSASigner(key.jwk()));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign an access token with key " + key.kid(), e);
        }
        return new IssuedAccessToken(jwt.serialize(), expiresAt);
    }

    record IssuedAccessToken(String token, Instant expiresAt) {

        @Override
        public String toString() {
            return "IssuedAccessToken[expiresAt=" + expiresAt + "]";
        }
    }
}
