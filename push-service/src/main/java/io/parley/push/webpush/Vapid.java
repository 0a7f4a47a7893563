package io.parley.push.webpush;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The VAPID {@code Authorization} header (RFC 8292): {@code vapid t=<ES256 JWT>, k=<public key>}, the JWT naming the
 * push service's origin ({@code aud}), the operator ({@code sub}) and an expiry 12 hours ahead (at most 24 allowed).
 * One JWT per origin is reused until an hour before it expires.
 */
final class Vapid {

    private static final Duration LIFETIME = Duration.ofHours(12);
    private static final Duration RENEW_BEFORE = Duration.ofHours(1);

    private final ECPrivateKey privateKey;
    private final String publicKey;
    private final String subject;
    private final Clock clock;
    private final Map<String, Signed> byOrigin = new ConcurrentHashMap<>();

    private record Signed(String header, Instant expiresAt) {
    }

    Vapid(WebPushSettings settings, Clock clock) {
        byte[] publicBytes = decode(settings.publicKey(), "public-key");
        byte[] privateBytes = decode(settings.privateKey(), "private-key");
        try {
            ECPublicKey pub = P256.publicKey(publicBytes);
            this.privateKey = P256.privateKey(privateBytes);
            if (!Arrays.equals(P256.encode(pub), publicBytes)) {
                throw new GeneralSecurityException("public key does not round-trip");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("parley.push.web-push.public-key / private-key are not a P-256 key pair "
                    + "(base64url point of 65 bytes, scalar of 32 bytes)");
        }
        this.publicKey = Base64.getUrlEncoder().withoutPadding().encodeToString(publicBytes);
        this.subject = settings.subject();
        this.clock = clock;
    }

    /** The Authorization header value for a push to {@code endpoint}. */
    String authorization(URI endpoint) {
        String origin = endpoint.getScheme() + "://" + endpoint.getRawAuthority();
        Instant now = clock.instant();
        Signed signed = byOrigin.compute(origin, (key, existing) ->
                existing != null && now.isBefore(existing.expiresAt().minus(RENEW_BEFORE)) ? existing : sign(origin, now));
        return signed.header();
    }

    private Signed sign(String origin, Instant now) {
        Instant expires = now.plus(LIFETIME);
        JWTClaimsSet claims = new JWTClaimsSet.Builder().audience(origin).expirationTime(Date.from(expires)).subject(subject).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new ECDSASigner(privateKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a VAPID token", e);
        }
        return new Signed("vapid t=" + jwt.serialize() + ", k=" + publicKey, expires);
    }

    private static byte[] decode(String value, String setting) {
        try {
            return Base64.getUrlDecoder().decode(value.trim().replace("=", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("parley.push.web-push." + setting + " is not base64url");
        }
    }
}
