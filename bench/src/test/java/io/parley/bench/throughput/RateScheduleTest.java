package io.parley.bench.throughput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateScheduleTest {

    @Test
    void messagesAreDueEvenlyFromTheStart() {
        RateSchedule schedule = RateSchedule.of(1_000, 100, 2);

        assertThat(schedule.total()).isEqualTo(200);
        assertThat(schedule.dueAt(0)).isEqualTo(1_000);
        assertThat(schedule.dueAt(1)).isEqualTo(1_000 + 10_000_000);
        assertThat(schedule.dueAt(100)).isEqualTo(1_000 + 1_000_000_000);
        assertThat(schedule.endNanos()).isEqualTo(1_000 + 1_990_000_000L);
    }

    @Test
    void dueByCountsExactlyTheMessagesWhoseTimeHasCome() {
        RateSchedule schedule = RateSchedule.of(0, 1000, 1);

        assertThat(schedule.dueBy(-1)).isZero();
        assertThat(schedule.dueBy(0)).isEqualTo(1);
        assertThat(schedule.dueBy(999_999)).isEqualTo(1);
        assertThat(schedule.dueBy(1_000_000)).isEqualTo(2);
        assertThat(schedule.dueBy(5_000_000_000L)).isEqualTo(1000);
        for (long i = 0; i < 1000; i += 37) {
            assertThat(schedule.dueBy(schedule.dueAt(i))).isEqualTo(i + 1);
            assertThat(schedule.dueBy(schedule.dueAt(i) - 1)).isEqualTo(i);
        }
    }

    @Test
    void anOpenLoopScheduleDoesNotWaitForAnything() {
        RateSchedule schedule = RateSchedule.of(0, 2000, 30);

        assertThat(schedule.dueBy(15_000_000_000L)).isEqualTo(30_001);
    }

    @Test
    void aRateMustBePositive() {
        assertThatThrownBy(() -> RateSchedule.of(0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
