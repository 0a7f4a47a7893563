package io.parley.bench.throughput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DeliveryTrackerTest {

    private static final long MS = 1_000_000L;
    private static final String CHAT = "d:a:b";
    private final DeliveryTracker tracker = new DeliveryTracker();

    @Test
    void countsEveryAcknowledgedMessageThatReachedThePartnerOnceInOrder() {
        tracker.beginStep(0);
        tracker.written("m1", 1, 0, 0);
        tracker.written("m2", 1, 0, 0);
        tracker.sent("m1", 5 * MS);
        tracker.sent("m2", 7 * MS);
        tracker.received(1, CHAT, 1, "m1", true, 20 * MS);
        tracker.received(0, CHAT, 1, "m1", false, 21 * MS);
        tracker.received(1, CHAT, 2, "m2", true, 30 * MS);
        assertThat(tracker.outstanding(0)).isZero();

        StepCounts counts = tracker.close(0, 1.0);

        assertThat(counts.written()).isEqualTo(2);
        assertThat(counts.sentAcked()).isEqualTo(2);
        assertThat(counts.delivered()).isEqualTo(2);
        assertThat(counts.lost() + counts.duplicated() + counts.outOfOrder() + counts.late()).isZero();
        assertThat(counts.sendToSent().max()).isCloseTo(7.0, within(0.01));
        assertThat(counts.sendToDelivered().count()).isEqualTo(2);
        assertThat(counts.sendToDelivered().p50()).isCloseTo(20.0, within(0.05));
    }

    @Test
    void aSentMessageThatNeverArrivesIsLostAndOneWithoutAnswerIsUnconfirmed() {
        tracker.beginStep(0);
        tracker.written("m1", 1, 0, 0);
        tracker.written("m2", 1, 0, 0);
        tracker.written("m3", 1, 0, 0);
        tracker.sent("m1", MS);
        tracker.failed("m3");
        assertThat(tracker.outstanding(0)).isEqualTo(2);

        StepCounts counts = tracker.close(0, 1.0);

        assertThat(counts.lost()).isEqualTo(1);
        assertThat(tracker.stillLost()).isEqualTo(1);
        assertThat(counts.unconfirmed()).isEqualTo(1);
        assertThat(counts.errors()).isEqualTo(1);
        assertThat(counts.delivered()).isZero();
    }

    @Test
    void aRepeatedSeqIsADuplicateAndALowerOneIsOutOfOrder() {
        tracker.beginStep(0);
        for (String id : new String[] {"m1", "m2", "m3"}) {
            tracker.written(id, 1, 0, 0);
            tracker.sent(id, MS);
        }
        tracker.received(1, CHAT, 1, "m1", true, 2 * MS);
        tracker.received(1, CHAT, 3, "m3", true, 3 * MS);
        tracker.received(1, CHAT, 2, "m2", true, 4 * MS);
        tracker.received(1, CHAT, 3, "m3", true, 5 * MS);

        StepCounts counts = tracker.close(0, 1.0);

        assertThat(counts.delivered()).isEqualTo(3);
        assertThat(counts.outOfOrder()).isEqualTo(1);
        assertThat(counts.duplicated()).isEqualTo(1);
        assertThat(counts.lost()).isZero();
    }

    @Test
    void orderIsCheckedPerDeviceAndChat() {
        tracker.beginStep(0);
        tracker.received(1, "d:a:b", 5, null, true, MS);
        tracker.received(1, "d:a:c", 1, null, true, MS);
        tracker.received(2, "d:a:b", 1, null, true, MS);

        assertThat(tracker.close(0, 1.0).outOfOrder()).isZero();
    }

    @Test
    void anArrivalAfterItsStepClosedCountsAsLateInTheNextStep() {
        tracker.beginStep(0);
        tracker.written("m1", 1, 0, 0);
        tracker.sent("m1", MS);
        assertThat(tracker.close(0, 1.0).lost()).isEqualTo(1);

        tracker.received(1, CHAT, 1, "m1", true, 9 * MS);
        tracker.received(0, CHAT, 1, "m1", false, 9 * MS);
        tracker.beginStep(1);

        StepCounts next = tracker.close(1, 1.0);
        assertThat(next.late()).isEqualTo(1);
        assertThat(next.delivered()).isZero();
        assertThat(tracker.stillLost()).isZero();
        assertThat(tracker.lostThenArrived()).isEqualTo(1);
    }

    @Test
    void generatorLagIsWriteTimeMinusDueTime() {
        tracker.beginStep(0);
        tracker.written("m1", 1, 10 * MS, 13 * MS);

        assertThat(tracker.close(0, 1.0).generatorLag().max()).isCloseTo(3.0, within(0.01));
    }

    @Test
    void deliveredRateIsDeliveriesOverTheirSpan() {
        tracker.beginStep(0);
        for (int i = 0; i < 11; i++) {
            tracker.written("m" + i, 1, 0, 0);
            tracker.sent("m" + i, 0);
            tracker.received(1, CHAT, i + 1, "m" + i, true, 1000 * MS + i * 200 * MS);
        }

        assertThat(tracker.close(0, 1.0).deliveredPerSecond()).isEqualTo(5.5);
    }
}
