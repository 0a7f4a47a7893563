package io.parley.gateway.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.gateway.ratelimit.TokenBucket;
import io.parley.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PendingAcksTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final PendingAcks acks = new PendingAcks(new TokenBucket(clock, 10, 2));

    @Test
    void theFirstAckSchedulesACallAndAcksMeanwhileOnlyRaiseTheCursor() {
        assertThat(acks.raise(3, "a")).isTrue();
        assertThat(acks.raise(5, "b")).isFalse();
        assertThat(acks.raise(4, "c")).as("lower than pending").isFalse();

        assertThat(acks.take()).isEqualTo(5);
        assertThat(acks.inFlightRef()).isEqualTo("b");
    }

    @Test
    void acksDuringACallGoInOneCallAfterItWithTheHighestCursor() {
        acks.raise(3, "a");
        acks.take();

        assertThat(acks.raise(7, "b")).as("a call is running").isFalse();
        assertThat(acks.raise(9, "c")).isFalse();
        assertThat(acks.raise(8, "d")).isFalse();
        assertThat(acks.finished(true)).as("the next call, for the pending cursor").isTrue();

        assertThat(acks.take()).isEqualTo(9);
        assertThat(acks.inFlightRef()).isEqualTo("c");
        assertThat(acks.finished(true)).as("nothing more pending").isFalse();
    }

    @Test
    void anAckAtOrBelowWhatChatServiceAcceptedOrIsCarryingChangesNothing() {
        acks.raise(5, "a");
        acks.take();
        assertThat(acks.raise(5, "again")).isFalse();
        assertThat(acks.finished(true)).isFalse();

        assertThat(acks.raise(5, "again")).isFalse();
        assertThat(acks.raise(2, "older")).isFalse();
        assertThat(acks.raise(6, "newer")).isTrue();
    }

    @Test
    void afterAFailedCallTheSameCursorMayBeAckedAgain() {
        acks.raise(5, "a");
        acks.take();

        assertThat(acks.finished(false)).isFalse();

        assertThat(acks.raise(5, "retry")).isTrue();
        assertThat(acks.take()).isEqualTo(5);
    }

    @Test
    void callsBeyondTheRateWaitForATokenInsteadOfBeingRefused() {
        assertThat(acks.millisUntilCall()).isZero();
        assertThat(acks.millisUntilCall()).isZero();

        assertThat(acks.millisUntilCall()).isEqualTo(100);
        clock.advance(Duration.ofMillis(100));
        assertThat(acks.millisUntilCall()).isZero();
    }
}
