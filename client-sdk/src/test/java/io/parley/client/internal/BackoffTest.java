package io.parley.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void theCeilingDoublesPerAttemptUpToTheMaximum() {
        Backoff backoff = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(30), () -> 0.999_999);

        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(249));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(499));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(999));
        for (int i = 0; i < 100; i++) {
            assertThat(backoff.next()).isLessThan(Duration.ofSeconds(30));
        }
        assertThat(backoff.ceiling(7)).isEqualTo(30_000);
        assertThat(backoff.ceiling(70)).isEqualTo(30_000);
    }

    @Test
    void fullJitterDrawsAnywhereBelowTheCeiling() {
        Backoff low = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.0);
        Backoff random = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), ThreadLocalRandom.current()::nextDouble);

        assertThat(low.next()).isZero();
        for (int attempt = 0; attempt < 20; attempt++) {
            long ceiling = random.ceiling(attempt);
            assertThat(random.next().toMillis()).isBetween(0L, ceiling);
        }
    }

    @Test
    void aResetStartsFromTheInitialDelayAgain() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), () -> 0.5);
        backoff.next();
        backoff.next();
        backoff.next();

        backoff.reset();

        assertThat(backoff.attempts()).isZero();
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void rejectsAMaximumBelowTheInitialDelay() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), () -> 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
