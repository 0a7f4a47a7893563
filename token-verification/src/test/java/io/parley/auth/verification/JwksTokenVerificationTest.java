package io.parley.auth.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/** Verification against a JWKS served over HTTP, as every service other than user-service does it. */
@Timeout(30)
class JwksTokenVerificationTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Duration LIFETIME = Duration.ofMinutes(10);

    private final UUID user = UUID.randomUUID();
    private final UUID device = UUID.randomUUID();
    private final ECKey current = TestTokens.newKey("key-2");
    private final ECKey previous = TestTokens.newKey("key-1");
    private JwksServer jwks;
    private ReactiveJwtDecoder decoder;

    @BeforeEach
    void startJwks() {
        jwks = new JwksServer();
        jwks.publish(current, previous);
        decoder = decoderAt(NOW);
    }

    @AfterEach
    void stopJwks() {
        jwks.close();
    }

    private ReactiveJwtDecoder decoderAt(Instant now) {
        TokenVerificationProperties properties = new TokenVerificationProperties(jwks.uri(), TestTokens.ISSUER,
                ParleyTokenValidators.AUDIENCE, Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(30));
        return ParleyJwtDecoders.fromJwkSetUri(properties, Clock.fixed(now, ZoneOffset.UTC));
    }

    private JWTClaimsSet.Builder claims() {
        return TestTokens.claims(user, device, NOW.minusSeconds(60), LIFETIME);
    }

    private Jwt decode(String token) {
        return decoder.decode(token).block();
    }

    @Test
    void acceptsAValidTokenAndNamesUserAndDevice() {
        Jwt jwt = decode(TestTokens.sign(current, claims().build()));

        assertThat(ParleyPrincipal.from(jwt)).isEqualTo(new ParleyPrincipal(user, device));
        assertThat(new ParleyJwtAuthenticationConverter().convert(jwt).block().getPrincipal())
                .isEqualTo(new ParleyPrincipal(user, device));
    }

    @Test
    void rejectsATamperedPayload() {
        String[] parts = TestTokens.sign(current, claims().build()).split("\\.");
        String otherUser = TestTokens.sign(current, claims().subject(UUID.randomUUID().toString()).build()).split("\\.")[1];

        assertRejected(parts[0] + "." + otherUser + "." + parts[2]);
    }

    @Test
    void rejectsASignatureByAKeyThatIsNotPublishedUnderThatKid() {
        ECKey impostor = TestTokens.newKey(current.getKeyID());

        assertRejected(TestTokens.sign(impostor, claims().build()));
    }

    @Test
    void rejectsAlgNone() {
        String header = base64Url("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"" + current.getKeyID() + "\"}");
        String payload = base64Url(claims().build().toString());

        assertRejected(header + "." + payload + ".");
    }

    @Test
    void rejectsHs256KeyedWithThePublicKey() throws JOSEException {
        byte[] publicKeyAsSecret = current.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(current.getKeyID())
                .type(new JOSEObjectType(ParleyTokenValidators.TOKEN_TYPE)).build(), claims().build());
        jwt.sign(new MACSigner(publicKeyAsSecret));

        assertRejected(jwt.serialize());
    }

    @Test
    void rejectsAnUnknownKidAfterLookingItUpOnce() {
        int before = jwks.downloads();

        assertRejected(TestTokens.sign(TestTokens.newKey("never-published"), claims().build()));
        assertThat(jwks.downloads()).isGreaterThan(before);
    }

    @Test
    void rejectsAnExpiredToken() {
        JWTClaimsSet expired = TestTokens.claims(user, device, NOW.minus(LIFETIME).minusSeconds(31), LIFETIME).build();

        assertRejected(TestTokens.sign(current, expired));
    }

    @Test
    void acceptsATokenSignedWithThePreviousKeyUntilItExpires() {
        String signedBeforeRotation = TestTokens.sign(previous, claims().build());

        assertThat(decode(signedBeforeRotation).getSubject()).isEqualTo(user.toString());
        assertThatThrownBy(() -> decoderAt(NOW.plus(LIFETIME)).decode(signedBeforeRotation).block())
                .isInstanceOf(JwtException.class);
    }

    static Stream<Arguments> spoiledTokens() {
        return Stream.of(
                // another issuer's token, even if signed with our key
                Arguments.of("issuer", (Spoiler) (claims, header) -> claims.issuer("https://evil.example")),
                // a token meant for another audience
                Arguments.of("audience", (Spoiler) (claims, header) -> claims.audience("not-parley")),
                // an ID token or any other JWT type is not an access token
                Arguments.of("typ", (Spoiler) (claims, header) -> header.type(JOSEObjectType.JWT)),
                // no device: every Parley token is bound to one
                Arguments.of("did missing", (Spoiler) (claims, header) -> claims.claim(ParleyPrincipal.DEVICE_CLAIM, null)),
                // a device id that is not a UUID
                Arguments.of("did malformed", (Spoiler) (claims, header) -> claims.claim(ParleyPrincipal.DEVICE_CLAIM, "1")),
                // a subject that is not a user id
                Arguments.of("sub malformed", (Spoiler) (claims, header) -> claims.subject("admin")),
                // no expiry would make the token valid forever
                Arguments.of("exp missing", (Spoiler) (claims, header) -> claims.expirationTime(null)),
                // no token id
                Arguments.of("jti missing", (Spoiler) (claims, header) -> claims.jwtID(null)),
                // not yet valid
                Arguments.of("nbf future", (Spoiler) (claims, header) -> claims.notBeforeTime(java.util.Date.from(NOW.plusSeconds(600)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spoiledTokens")
    void rejectsTokensThatAreNotParleyAccessTokens(String name, Spoiler spoiler) {
        JWTClaimsSet.Builder claims = claims();
        JWSHeader.Builder header = TestTokens.header(current);
        spoiler.spoil(claims, header);

        assertRejected(TestTokens.sign(current, header.build(), claims.build()));
    }

    @Test
    void rejectsATokenWithoutKid() {
        assertRejected(TestTokens.sign(current, TestTokens.header(current).keyID(null).build(), claims().build()));
    }

    /** Not a bad token: the token may be fine, so the caller should retry rather than discard it. */
    @Test
    void failsClosedWhenTheJwksIsUnreachable() {
        TokenVerificationProperties unreachable = new TokenVerificationProperties(URI.create("http://127.0.0.1:1/jwks"),
                TestTokens.ISSUER, ParleyTokenValidators.AUDIENCE, Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(30));
        ReactiveJwtDecoder offline = ParleyJwtDecoders.fromJwkSetUri(unreachable, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> offline.decode(TestTokens.sign(current, claims().build())).block())
                .isInstanceOf(JwtException.class).isNotInstanceOf(BadJwtException.class).hasMessageContaining("keys");
    }

    private void assertRejected(String token) {
        assertThatThrownBy(() -> decode(token)).isInstanceOf(BadJwtException.class);
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @FunctionalInterface
    interface Spoiler {
        void spoil(JWTClaimsSet.Builder claims, JWSHeader.Builder header);
    }
}
