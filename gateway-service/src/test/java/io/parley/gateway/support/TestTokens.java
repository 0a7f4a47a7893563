package io.parley.gateway.support;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Issues ES256 access tokens shaped like user-service's and serves their public key as a JWKS over HTTP, so the
 * gateway verifies them the way it verifies real ones.
 */
public final class TestTokens implements AutoCloseable {

    public static final String ISSUER = "https://parley.test/user-service";

    private final ECKey key;
    private final ECKey strangerKey;
    private final HttpServer jwks;

    public TestTokens() {
        try {
            key = new ECKeyGenerator(Curve.P_256).keyID("test-key").generate();
            strangerKey = new ECKeyGenerator(Curve.P_256).keyID("test-key").generate();
            byte[] document = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            jwks.createContext("/jwks.json", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, document.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(document);
                }
            });
            jwks.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public URI jwksUri() {
        return URI.create("http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks.json");
    }

    /** A valid access token for a device. */
    public String accessToken(String userId, String deviceId) {
        return sign(key, userId, deviceId, Instant.now().plus(Duration.ofMinutes(10)));
    }

    /** A valid access token for a device that stays valid for {@code validity} (measuring tools hold them long). */
    public String accessToken(String userId, String deviceId, Duration validity) {
        Instant now = Instant.now();
        return sign(key, userId, deviceId, now.minus(Duration.ofMinutes(5)), now.plus(validity));
    }

    public String expiredToken(String userId, String deviceId) {
        return sign(key, userId, deviceId, Instant.now().minus(Duration.ofMinutes(10)));
    }

    /** Same kid, but signed by a key the JWKS does not hold. */
    public String forgedToken(String userId, String deviceId) {
        return sign(strangerKey, userId, deviceId, Instant.now().plus(Duration.ofMinutes(10)));
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    private static String sign(ECKey signingKey, String userId, String deviceId, Instant expiry) {
        return sign(signingKey, userId, deviceId, expiry.minus(Duration.ofMinutes(15)), expiry);
    }

    private static String sign(ECKey signingKey, String userId, String deviceId, Instant issuedAt, Instant expiry) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer(ISSUER)
                    .audience("parley")
                    .subject(userId)
                    .claim("did", deviceId)
                    .jwtID(UUID.randomUUID().toString())
                    .issueTime(Date.from(issuedAt))
                    .expirationTime(Date.from(expiry))
                    .build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(signingKey.getKeyID())
                    .type(new JOSEObjectType("at+jwt")).build(), claims);
            jwt.sign(new ECDSASigner(signingKey));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        jwks.stop(0);
    }

}
