package io.parley.auth.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.jwk.ECKey;
import io.parley.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** How often a verifier downloads the JWKS: forged {@code kid}s must not make it download on every request. */
@Timeout(30)
class JwksCoolDownTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Duration COOL_DOWN = Duration.ofSeconds(30);

    private final UUID user = UUID.randomUUID();
    private final ECKey current = TestTokens.newKey("key-1");
    private final MutableClock clock = new MutableClock(NOW);
    private JwksServer jwks;
    private ReactiveJwtDecoder decoder;

    @BeforeEach
    void startJwks() {
        jwks = new JwksServer();
        jwks.publish(current);
        decoder = ParleyJwtDecoders.fromJwkSetUri(new TokenVerificationProperties(jwks.uri(), TestTokens.ISSUER,
                ParleyTokenValidators.AUDIENCE, Duration.ofSeconds(30), Duration.ofSeconds(5), COOL_DOWN), clock);
    }

    @AfterEach
    void stopJwks() {
        jwks.close();
    }

    private String signedBy(ECKey key) {
        return TestTokens.sign(key, TestTokens.claims(user, UUID.randomUUID(), NOW.minusSeconds(60), Duration.ofMinutes(10)).build());
    }

    private Jwt decode(String token) {
        return decoder.decode(token).block();
    }

    @Test
    void forgedKidsWithinTheCoolDownAreRejectedWithoutADownload() {
        String valid = signedBy(current);
        decode(valid);
        int before = jwks.downloads();

        for (int i = 0; i < 20; i++) {
            String forged = signedBy(TestTokens.newKey("forged-" + i));
            assertThatThrownBy(() -> decode(forged)).isInstanceOf(BadJwtException.class);
        }

        assertThat(jwks.downloads() - before).isZero();
        assertThat(decode(valid).getSubject()).isEqualTo(user.toString());
    }

    @Test
    void forgedKidsDownloadAtMostOncePerCoolDown() {
        decode(signedBy(current));
        int before = jwks.downloads();

        for (int i = 0; i < 20; i++) {
            clock.advance(Duration.ofSeconds(5));
            String forged = signedBy(TestTokens.newKey("forged-" + i));
            assertThatThrownBy(() -> decode(forged)).isInstanceOf(BadJwtException.class);
        }

        // 100 s of forged tokens every 5 s: one download per 30 s cool-down, never one per token
        assertThat(jwks.downloads() - before).isBetween(1, 4);
    }

    @Test
    void aKeyRotatedInIsLearnedWithOneDownloadOnceTheCoolDownIsOver() {
        decode(signedBy(current));
        ECKey next = TestTokens.newKey("key-2");
        jwks.publish(next, current);
        clock.advance(COOL_DOWN);
        int before = jwks.downloads();

        assertThat(decode(signedBy(next)).getSubject()).isEqualTo(user.toString());
        assertThat(decode(signedBy(next)).getSubject()).isEqualTo(user.toString());
        assertThat(decode(signedBy(current)).getSubject()).isEqualTo(user.toString());
        assertThat(jwks.downloads() - before).isEqualTo(1);
    }

    /** Why user-service publishes a key long before it signs with it: a verifier may not look again sooner. */
    @Test
    void aKeyPublishedWithinTheCoolDownIsUnknownUntilItEnds() {
        decode(signedBy(current));
        ECKey next = TestTokens.newKey("key-2");
        jwks.publish(next, current);
        String signedByNext = signedBy(next);

        assertThatThrownBy(() -> decode(signedByNext)).isInstanceOf(BadJwtException.class);
        clock.advance(COOL_DOWN.minusSeconds(1));
        assertThatThrownBy(() -> decode(signedByNext)).isInstanceOf(BadJwtException.class);
        clock.advance(Duration.ofSeconds(1));
        assertThat(decode(signedByNext).getSubject()).isEqualTo(user.toString());
    }

    @Test
    void aFailedDownloadDoesNotHoldBackTheNextOne() {
        jwks.failing(true);
        String valid = signedBy(current);
        assertThatThrownBy(() -> decode(valid)).isInstanceOf(JwtException.class).isNotInstanceOf(BadJwtException.class);

        jwks.failing(false);

        assertThat(decode(valid).getSubject()).isEqualTo(user.toString());
        assertThat(jwks.downloads()).isEqualTo(2);
    }

    @Test
    void concurrentLookupsShareOneDownload() {
        jwks.hold();
        List<Mono<Jwt>> lookups = IntStream.range(0, 10)
                .mapToObj(i -> decoder.decode(signedBy(TestTokens.newKey("forged-" + i))).onErrorResume(BadJwtException.class, e -> Mono.empty()))
                .toList();
        CompletableFuture<List<Jwt>> all = Flux.merge(lookups).collectList().toFuture();

        await().atMost(Duration.ofSeconds(10)).until(() -> jwks.downloads() == 1);
        jwks.release();

        assertThat(all.join()).isEmpty();
        assertThat(jwks.downloads()).isEqualTo(1);
    }
}
