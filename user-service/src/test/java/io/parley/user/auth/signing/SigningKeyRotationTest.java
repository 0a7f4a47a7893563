package io.parley.user.auth.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.parley.auth.verification.ParleyJwtDecoders;
import io.parley.auth.verification.ParleyTokenValidators;
import io.parley.user.auth.TokenSettings;
import io.parley.cassandra.async.ReactiveCql;
import io.parley.testkit.MutableClock;
import io.parley.user.support.UserServiceIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Two pods (two rings on one Cassandra table) rotating the signing key under a clock the test moves:
 * they agree on every key, publish a new key before it signs, and keep the old one until its tokens expire.
 */
class SigningKeyRotationTest extends UserServiceIntegrationTest {

    private static final Duration ROTATION = Duration.ofDays(30);
    private static final Duration PRE_PUBLICATION = Duration.ofMinutes(2);
    private static final Duration ACCESS_LIFETIME = Duration.ofMinutes(10);
    private static final Duration SKEW = Duration.ofSeconds(30);
    private static final String ISSUER = "https://parley.test/rotation";

    @Autowired
    ReactiveCql cql;

    private final MutableClock clock = new MutableClock(Instant.now());
    private SigningKeyRing podA;
    private SigningKeyRing podB;

    @BeforeEach
    void twoPods() {
        String ring = "rotation-test-" + UUID.randomUUID();
        SigningKeySettings settings = new SigningKeySettings(ROTATION, PRE_PUBLICATION, Duration.ofMinutes(1),
                Base64.getEncoder().encodeToString(new byte[32]));
        TokenSettings tokens = new TokenSettings(ISSUER, ACCESS_LIFETIME, Duration.ofDays(30), SKEW);
        SigningKeyCipher cipher = new SigningKeyCipher(settings.encryptionKey());
        podA = new SigningKeyRing(new SigningKeyStore(cql, cipher, ring), settings, tokens, clock);
        podB = new SigningKeyRing(new SigningKeyStore(cql, cipher, ring), settings, tokens, clock);
        Mono.when(podA.refresh(), podB.refresh()).block(Duration.ofSeconds(30));
    }

    @Test
    void podsStartingTogetherAgreeOnOneFirstKey() {
        assertThat(podA.signingKey().kid()).isEqualTo(podB.signingKey().kid());
        assertThat(podA.publicKeys().getKeys()).hasSize(1);
    }

    @Test
    void rotationPublishesTheNextKeyFirstAndKeepsThePreviousUntilItsTokensExpire() throws Exception {
        SigningKey first = podA.signingKey();

        clock.advance(ROTATION);
        Mono.when(podA.refresh(), podB.refresh()).block(Duration.ofSeconds(30));
        String signedBeforeSwitch = sign(podB.signingKey());

        assertThat(podA.publicKeys().getKeys()).hasSize(2);
        assertThat(podB.publicKeys().toString()).isEqualTo(podA.publicKeys().toString());
        assertThat(podA.signingKey().kid()).isEqualTo(first.kid());

        clock.advance(PRE_PUBLICATION);
        SigningKey second = podA.signingKey();
        assertThat(second.kid()).isNotEqualTo(first.kid()).isEqualTo(podB.signingKey().kid());
        assertThat(verifierOf(podB).decode(signedBeforeSwitch).block().getSubject()).isNotBlank();
        assertThat(verifierOf(podB).decode(sign(second)).block().getSubject()).isNotBlank();

        clock.advance(ACCESS_LIFETIME.plus(SKEW));
        assertThatThrownBy(() -> verifierOf(podB).decode(signedBeforeSwitch).block()).isInstanceOf(JwtException.class);
        podA.refresh().block(Duration.ofSeconds(30));
        assertThat(podA.publicKeys().getKeys()).singleElement().satisfies(key -> assertThat(key.getKeyID()).isEqualTo(second.kid()));
        podB.refresh().block(Duration.ofSeconds(30));
        assertThat(podB.verificationKey(first.kid()).collectList().block()).isEmpty();
    }

    private ReactiveJwtDecoder verifierOf(SigningKeyRing ring) {
        return ParleyJwtDecoders.fromJwkSource(jwt -> ring.verificationKey(jwt.getHeader().getKeyID()),
                ParleyTokenValidators.create(ISSUER, ParleyTokenValidators.AUDIENCE, SKEW, clock));
    }

    private String sign(SigningKey key) throws Exception {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject(UUID.randomUUID().toString())
                .audience(ParleyTokenValidators.AUDIENCE).issueTime(Date.from(now)).expirationTime(Date.from(now.plus(ACCESS_LIFETIME)))
                .jwtID(UUID.randomUUID().toString()).claim("did", UUID.randomUUID().toString()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.kid())
                .type(new JOSEObjectType(ParleyTokenValidators.TOKEN_TYPE)).build(), claims);
        jwt.sign(new ECDSASigner(key.jwk()));
        return jwt.serialize();
    }
}
