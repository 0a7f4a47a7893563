package io.parley.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.parley.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final MutableClock clock = new MutableClock(START);

    @Test
    void aQuietDeviceMaySendItsWholeBurstAtOnceThenIsRefused() {
        TokenBucket bucket = new TokenBucket(clock, 10, 3);

        assertThat(acquired(bucket, 4)).isEqualTo(3);
    }

    @Test
    void tokensComeBackAtTheRateAsTheClockAdvances() {
        TokenBucket bucket = new TokenBucket(clock, 10, 3);
        acquired(bucket, 3);

        clock.advance(Duration.ofMillis(99));
        assertThat(bucket.tryAcquire()).as("0.99 of a token").isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(bucket.tryAcquire()).as("one token after 100 ms at 10/s").isTrue();
        assertThat(bucket.tryAcquire()).isFalse();
        clock.advance(Duration.ofMillis(200));
        assertThat(acquired(bucket, 5)).isEqualTo(2);
    }

    @Test
    void aLongQuietTimeSavesNoMoreThanTheBurst() {
        TokenBucket bucket = new TokenBucket(clock, 10, 3);
        acquired(bucket, 3);

        clock.advance(Duration.ofHours(1));

        assertThat(acquired(bucket, 100)).isEqualTo(3);
    }

    @Test
    void aClockSteppingBackRefillsNothingAndDrainsNothing() {
        TokenBucket bucket = new TokenBucket(clock, 10, 3);
        acquired(bucket, 2);

        clock.set(START.minus(Duration.ofMinutes(5)));

        assertThat(acquired(bucket, 5)).isEqualTo(1);
    }

    @Test
    void theWaitForTheNextTokenFollowsTheRate() {
        TokenBucket bucket = new TokenBucket(clock, 10, 2);
        assertThat(bucket.millisUntilToken()).isZero();
        acquired(bucket, 2);

        assertThat(bucket.millisUntilToken()).isEqualTo(100);
        clock.advance(Duration.ofMillis(40));
        assertThat(bucket.millisUntilToken()).isEqualTo(60);
        clock.advance(Duration.ofMillis(60));
        assertThat(bucket.millisUntilToken()).isZero();
    }

    @Test
    void aBucketIsFullOnlyOnceItSavedUpItsWholeBurstAgain() {
        TokenBucket bucket = new TokenBucket(clock, 10, 3);
        assertThat(bucket.isFull()).isTrue();
        acquired(bucket, 2);

        clock.advance(Duration.ofMillis(199));
        assertThat(bucket.isFull()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(bucket.isFull()).isTrue();
    }

    @Test
    void aRateOrBurstBelowOneIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenBucket(clock, 0, 3));
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenBucket(clock, 3, 0));
    }

    private static int acquired(TokenBucket bucket, int attempts) {
        int acquired = 0;
        for (int i = 0; i < attempts; i++) {
            if (bucket.tryAcquire()) {
                acquired++;
            }
        }
        return acquired;
    }
}
