package io.parley.chat.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SnowflakeTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));

    @Test
    void packsTimeWorkerAndSequence() {
        long id = new Snowflake(clock, 1000).next(617);

        assertThat(Snowflake.timestampOf(id)).isEqualTo(clock.instant());
        assertThat(Snowflake.workerOf(id)).isEqualTo(617);
        assertThat(Snowflake.sequenceOf(id)).isZero();
        assertThat(id).isPositive();
    }

    @Test
    void idsWithinOneMillisecondAreUniqueAndIncreasing() {
        Snowflake snowflake = new Snowflake(clock, 1000);
        Set<Long> ids = new HashSet<>();
        long previous = -1;
        for (int i = 0; i < 10_000; i++) {
            long id = snowflake.next(3);
            assertThat(id).isGreaterThan(previous);
            ids.add(id);
            previous = id;
        }
        assertThat(ids).hasSize(10_000);
    }

    @Test
    void aClockSteppingBackKeepsIdsIncreasing() {
        Snowflake snowflake = new Snowflake(clock, 1000);
        long before = snowflake.next(1);
        clock.advanceMillis(-500);

        long after = snowflake.next(1);

        assertThat(after).isGreaterThan(before);
        assertThat(Snowflake.timestampOf(after)).isEqualTo(Snowflake.timestampOf(before));
    }

    @Test
    void exhaustingAMillisecondBorrowsTheNext() {
        Snowflake snowflake = new Snowflake(clock, 1000);
        long first = snowflake.next(1);
        long last = first;
        for (int i = 0; i < 4096; i++) {
            last = snowflake.next(1);
        }

        assertThat(Snowflake.timestampOf(last)).isEqualTo(Snowflake.timestampOf(first).plusMillis(1));
        assertThat(Snowflake.sequenceOf(last)).isZero();
    }

    @Test
    void toleratesAStepBackUpToTheAllowedBorrowAndRefusesALargerOne() {
        Snowflake snowflake = new Snowflake(clock, 1000);
        snowflake.next(1);
        clock.advanceMillis(-1000);
        assertThat(snowflake.next(1)).isPositive();

        clock.advanceMillis(-1);
        assertThatThrownBy(() -> snowflake.next(1)).isInstanceOf(IdUnavailableException.class);
    }

    @Test
    void workerIdsOutsideTenBitsAreRejected() {
        Snowflake snowflake = new Snowflake(clock, 1000);
        assertThatThrownBy(() -> snowflake.next(1024)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> snowflake.next(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advanceMillis(long millis) {
            now = now.plusMillis(millis);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
