package io.parley.bench.groups;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GroupDeliveriesTest {

    private static final long MS = 1_000_000;

    @Test
    void everyMemberButTheSenderMustReceiveEachAcknowledgedMessage() {
        GroupDeliveries group = new GroupDeliveries(3, 2);
        group.sending(0, 0, 0);
        group.sending(1, 1, 0);
        group.acknowledged(0);
        group.acknowledged(1);

        group.received(1, 0, 1, 10 * MS);
        group.received(0, 1, 2, 10 * MS);

        assertThat(group.lost()).isEqualTo(2);
        assertThat(group.complete(1)).isTrue();
        assertThat(group.complete(2)).isFalse();
        group.received(2, 0, 1, 20 * MS);
        group.received(2, 1, 2, 20 * MS);
        assertThat(group.lost()).isZero();
        assertThat(group.complete(2)).isTrue();
        assertThat(group.delivered()).isEqualTo(4);
    }

    @Test
    void theSendersOwnCopyIsNotADelivery() {
        GroupDeliveries group = new GroupDeliveries(2, 1);
        group.sending(0, 0, 0);
        group.acknowledged(0);

        group.received(0, 0, 1, MS);

        assertThat(group.delivered()).isZero();
        assertThat(group.lost()).isEqualTo(1);
    }

    @Test
    void duplicatesAndOutOfOrderSeqsAreCountedPerMember() {
        GroupDeliveries group = new GroupDeliveries(2, 2);
        group.sending(0, 0, 0);
        group.sending(1, 0, 0);

        group.received(1, 1, 5, MS);
        group.received(1, 0, 4, MS);
        group.received(1, 0, 4, MS);

        assertThat(group.outOfOrder()).isEqualTo(1);
        assertThat(group.duplicated()).isEqualTo(1);
        assertThat(group.delivered()).isEqualTo(2);
    }

    @Test
    void theLatencyAtTheLastMemberIsTakenWhenTheWholeGroupHasTheMessage() {
        GroupDeliveries group = new GroupDeliveries(3, 1);
        group.sending(0, 0, 100 * MS);
        group.acknowledged(0);

        group.received(1, 0, 1, 110 * MS);
        assertThat(group.atLastMember().count()).isZero();
        group.received(2, 0, 1, 150 * MS);

        assertThat(group.atLastMember().count()).isEqualTo(1);
        assertThat(group.atLastMember().max()).isBetween(49.9, 50.1);
        assertThat(group.perDelivery().p50()).isBetween(9.9, 10.1);
    }

    @Test
    void messagesOfOtherRunsAreNotCounted() {
        GroupDeliveries group = new GroupDeliveries(2, 1);

        group.received(1, -1, 1, MS);
        group.received(1, 7, 1, MS);

        assertThat(group.delivered()).isZero();
        assertThat(group.duplicated()).isZero();
    }
}
