package io.parley.user.auth.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyRotationPolicyTest {

    private static final Duration ROTATION = Duration.ofDays(30);
    private static final Duration PRE_PUBLICATION = Duration.ofMinutes(10);
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(10).plusSeconds(30);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final KeyRotationPolicy policy = new KeyRotationPolicy(ROTATION, PRE_PUBLICATION, TOKEN_LIFETIME);
    private final SigningKey first = key(1, T0, T0);
    private final Instant rotatedAt = T0.plus(ROTATION);
    private final SigningKey second = key(2, rotatedAt, rotatedAt.plus(PRE_PUBLICATION));
    private final List<SigningKey> both = List.of(second, first);

    @Test
    void anEmptyRingNeedsAKeyThatSignsAtOnce() {
        assertThat(policy.rotationDue(List.of(), T0)).isTrue();
        assertThat(policy.activationOfNext(List.of(), T0)).isEqualTo(T0);
        assertThat(policy.nextSeq(List.of())).isEqualTo(1);
    }

    @Test
    void rotatesOnlyOnceTheNewestKeyIsOlderThanTheRotationPeriod() {
        assertThat(policy.rotationDue(List.of(first), rotatedAt.minusSeconds(1))).isFalse();
        assertThat(policy.rotationDue(List.of(first), rotatedAt)).isTrue();
        assertThat(policy.rotationDue(both, rotatedAt.plus(Duration.ofDays(1)))).isFalse();
        assertThat(policy.activationOfNext(List.of(first), rotatedAt)).isEqualTo(rotatedAt.plus(PRE_PUBLICATION));
        assertThat(policy.nextSeq(both)).isEqualTo(3);
    }

    @Test
    void aNewKeyIsPublishedBeforeItSigns() {
        Instant beforeActivation = second.activatesAt().minusSeconds(1);

        assertThat(policy.signing(both, beforeActivation)).contains(first);
        assertThat(policy.published(both, beforeActivation)).containsExactly(second, first);
        assertThat(policy.signing(both, second.activatesAt())).contains(second);
    }

    @Test
    void theOldKeyStaysPublishedUntilTheLastTokenItSignedHasExpired() {
        Instant lastTokenExpiry = second.activatesAt().plus(TOKEN_LIFETIME);

        assertThat(policy.published(both, lastTokenExpiry.minusSeconds(1))).containsExactly(second, first);
        assertThat(policy.published(both, lastTokenExpiry)).containsExactly(second);
        assertThat(policy.retired(both, lastTokenExpiry)).containsExactly(first);
    }

    private static SigningKey key(int seq, Instant createdAt, Instant activatesAt) {
        return new SigningKey(seq, "kid-" + seq, createdAt, activatesAt, null);
    }
}
