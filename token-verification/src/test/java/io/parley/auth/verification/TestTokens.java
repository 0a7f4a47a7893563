package io.parley.auth.verification;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** Builds access tokens the way user-service does, with hooks to spoil each part. */
final class TestTokens {

    static final String ISSUER = "https://parley.test/user-service";

    private TestTokens() {
    }

    static ECKey newKey(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static JWTClaimsSet.Builder claims(UUID userId, UUID deviceId, Instant issuedAt, Duration lifetime) {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(userId.toString())
                .audience(ParleyTokenValidators.AUDIENCE)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .claim(ParleyPrincipal.DEVICE_CLAIM, deviceId.toString());
    }

    static JWSHeader.Builder header(ECKey key) {
        return new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(key.getKeyID())
                .type(new JOSEObjectType(ParleyTokenValidators.TOKEN_TYPE));
    }

    static String sign(ECKey key, JWTClaimsSet claims) {
        return sign(key, header(key).build(), claims);
    }

    static String sign(ECKey key, JWSHeader header, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
