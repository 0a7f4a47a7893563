package io.parley.push.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final Instant IN_A_DAY = NOW.plus(Duration.ofDays(1));
    private final RetryPolicy policy = new RetryPolicy(Duration.ofMillis(500), Duration.ofSeconds(30), 5);

    @Test
    void backsOffExponentiallyUpToTheMaximum() {
        assertThat(policy.nextDelay(1, Duration.ZERO, NOW, IN_A_DAY)).contains(Duration.ofMillis(500));
        assertThat(policy.nextDelay(2, Duration.ZERO, NOW, IN_A_DAY)).contains(Duration.ofSeconds(1));
        assertThat(policy.nextDelay(4, Duration.ZERO, NOW, IN_A_DAY)).contains(Duration.ofSeconds(4));
        assertThat(new RetryPolicy(Duration.ofSeconds(10), Duration.ofSeconds(30), 9).nextDelay(8, Duration.ZERO, NOW, IN_A_DAY))
                .contains(Duration.ofSeconds(30));
    }

    @Test
    void neverRetriesSoonerThanRetryAfter() {
        assertThat(policy.nextDelay(1, Duration.ofSeconds(7), NOW, IN_A_DAY)).contains(Duration.ofSeconds(7));
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        assertThat(policy.nextDelay(5, Duration.ZERO, NOW, IN_A_DAY)).isEmpty();
    }

    @Test
    void givesUpWhenRetryAfterExceedsTheLongestWait() {
        assertThat(policy.nextDelay(1, Duration.ofHours(1), NOW, IN_A_DAY)).isEmpty();
    }

    @Test
    void givesUpWhenTheRetryWouldComeAfterTheNotificationExpired() {
        assertThat(policy.nextDelay(1, Duration.ofSeconds(2), NOW, NOW.plusSeconds(1))).isEmpty();
    }
}
