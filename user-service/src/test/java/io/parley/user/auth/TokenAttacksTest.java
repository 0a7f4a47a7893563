package io.parley.user.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.parley.auth.verification.ParleyJwtDecoders;
import io.parley.auth.verification.ParleyPrincipal;
import io.parley.auth.verification.TokenVerificationProperties;
import io.parley.user.auth.signing.SigningKey;
import io.parley.user.auth.signing.SigningKeyRing;
import io.parley.user.support.Session;
import io.parley.user.support.UserServiceIntegrationTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Forged and spoiled tokens are rejected by a service that verifies offline against user-service's JWKS
 * URL (token-verification, as gateways and other services use it) and by user-service itself.
 */
class TokenAttacksTest extends UserServiceIntegrationTest {

    private static final String ISSUER = "https://parley.local/user-service";

    @Autowired
    SigningKeyRing ring;

    private Session session;
    private ReactiveJwtDecoder verifier;

    @BeforeEach
    void signIn() {
        session = api.newUser();
        verifier = verifierAt(Clock.systemUTC());
    }

    private ReactiveJwtDecoder verifierAt(Clock clock) {
        return ParleyJwtDecoders.fromJwkSetUri(new TokenVerificationProperties(
                URI.create(baseUrl() + "/v1/.well-known/jwks.json"), ISSUER, "parley", Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(30)), clock);
    }

    @Test
    void acceptsTheTokenUserServiceIssued() {
        Jwt jwt = verifier.decode(session.accessToken()).block();

        assertThat(ParleyPrincipal.from(jwt)).isEqualTo(new ParleyPrincipal(session.userId(), session.deviceId()));
    }

    @Test
    void rejectsATamperedPayload() {
        Session other = api.newUser();
        String[] mine = session.accessToken().split("\\.");
        String theirs = other.accessToken().split("\\.")[1];

        assertRejected(mine[0] + "." + theirs + "." + mine[2]);
    }

    @Test
    void rejectsASignatureByAnotherKeyUnderTheRealKid() throws Exception {
        ECKey attacker = new ECKeyGenerator(Curve.P_256).keyID(ring.signingKey().kid()).generate();

        assertRejected(sign(attacker, claims(session), header -> header));
    }

    @Test
    void rejectsAlgNone() throws Exception {
        String header = base64Url("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"" + ring.signingKey().kid() + "\"}");

        assertRejected(header + "." + base64Url(claims(session).toString()) + ".");
    }

    @Test
    void rejectsAnUnknownKid() throws Exception {
        ECKey unknown = new ECKeyGenerator(Curve.P_256).keyID("not-a-parley-key").generate();

        assertRejected(sign(unknown, claims(session), header -> header));
    }

    @Test
    void rejectsAnExpiredToken() throws Exception {
        Instant issued = Instant.now().minus(Duration.ofMinutes(20));
        JWTClaimsSet expired = new JWTClaimsSet.Builder(claims(session))
                .issueTime(Date.from(issued)).expirationTime(Date.from(issued.plus(Duration.ofMinutes(10)))).build();

        assertRejected(sign(ring.signingKey().jwk(), expired, header -> header));
        assertThatThrownBy(() -> verifierAt(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(11))).decode(session.accessToken()).block())
                .isInstanceOf(JwtException.class);
    }

    @Test
    void rejectsAGenuinelySignedTokenForAnotherAudienceOrIssuer() throws Exception {
        SigningKey key = ring.signingKey();

        assertRejected(sign(key.jwk(), new JWTClaimsSet.Builder(claims(session)).audience("another-system").build(), header -> header));
        assertRejected(sign(key.jwk(), new JWTClaimsSet.Builder(claims(session)).issuer("https://evil.example").build(), header -> header));
    }

    @Test
    void theJwksCarriesNoPrivateKeyMaterial() {
        api.http().get().uri("/v1/.well-known/jwks.json").exchange().expectStatus().isOk()
                .expectHeader().valueMatches("Cache-Control", ".*max-age=.*")
                .expectBody(String.class).value(jwks -> assertThat(jwks).contains("\"kty\":\"EC\"").doesNotContain("\"d\""));
    }

    /** Rejected offline via the JWKS and by user-service on a real endpoint. */
    private void assertRejected(String token) {
        assertThatThrownBy(() -> verifier.decode(token).block()).isInstanceOf(BadJwtException.class);
        api.http().get().uri("/v1/users/{id}/devices", session.userId()).header("Authorization", "Bearer " + token)
                .exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("urn:parley:problem:unauthenticated");
    }

    private static JWTClaimsSet claims(Session session) throws Exception {
        return SignedJWT.parse(session.accessToken()).getJWTClaimsSet();
    }

    private static String sign(ECKey key, JWTClaimsSet claims, UnaryOperator<JWSHeader.Builder> header) throws Exception {
        SignedJWT jwt = new SignedJWT(header.apply(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                .type(new JOSEObjectType("at+jwt"))).build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
