package io.parley.chat.sequencing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SequenceAssignmentTest {

    @Test
    void newItemsContinueFromTheMarkInRecordOrder() {
        SequenceAssignment assignment = SequenceAssignment.assign(5, List.of(fresh("m6"), fresh("m7"), fresh("m8")));

        assertThat(assignment.decisions()).containsExactly(new SequenceDecision.New(6), new SequenceDecision.New(7),
                new SequenceDecision.New(8));
        assertThat(assignment.lastSeq()).isEqualTo(8);
    }

    @Test
    void aKeyWithoutAMarkStartsAtOne() {
        assertThat(SequenceAssignment.assign(0, List.of(fresh("m1"))).decisions())
                .containsExactly(new SequenceDecision.New(1));
    }

    @Test
    void aStoredItemKeepsItsSeqAndTheNextNewOneFollowsIt() {
        // A crash after some rows of the batch were written, before the mark: the replay starts from the old mark.
        SequenceAssignment assignment = SequenceAssignment.assign(3,
                List.of(stored("m4", 4), fresh("m5"), stored("m6", 6), fresh("m7")));

        assertThat(assignment.decisions()).containsExactly(new SequenceDecision.AlreadyStored(4),
                new SequenceDecision.New(5), new SequenceDecision.AlreadyStored(6), new SequenceDecision.New(7));
        assertThat(assignment.lastSeq()).isEqualTo(7);
    }

    @Test
    void aMarkAheadOfTheReplayIsNeverLowered() {
        // A zombie already stored everything; the new owner re-reads from an older offset.
        SequenceAssignment assignment = SequenceAssignment.assign(9, List.of(stored("m2", 2), stored("m3", 3)));

        assertThat(assignment.lastSeq()).isEqualTo(9);
    }

    @Test
    void theSameItemTwiceInOneBatchGetsOneSeq() {
        // A send retried while its dedup key was PENDING re-produces the same message id.
        SequenceAssignment assignment = SequenceAssignment.assign(0, List.of(fresh("m1"), fresh("m2"), fresh("m1")));

        assertThat(assignment.decisions()).containsExactly(new SequenceDecision.New(1), new SequenceDecision.New(2),
                new SequenceDecision.AlreadyStored(1));
        assertThat(assignment.lastSeq()).isEqualTo(2);
    }

    @Test
    void anItemStoredUnderAnotherIdIsSupersededAndTakesNoSeq() {
        SequenceAssignment assignment = SequenceAssignment.assign(4, List.of(
                new SequenceCandidate("m9", "alice/c1", Optional.of(new StoredItem(3, false))), fresh("m10")));

        assertThat(assignment.decisions()).containsExactly(new SequenceDecision.Superseded(3), new SequenceDecision.New(5));
        assertThat(assignment.decisions().get(0).writes()).isFalse();
    }

    @Test
    void aSecondIdForTheSameIdentityInOneBatchIsSuperseded() {
        // Redis lost the dedup key between two attempts of one send: two ids, one client_msg_id.
        SequenceAssignment assignment = SequenceAssignment.assign(0, List.of(
                new SequenceCandidate("m1", "alice/c1", Optional.empty()),
                new SequenceCandidate("m2", "alice/c1", Optional.empty())));

        assertThat(assignment.decisions()).containsExactly(new SequenceDecision.New(1), new SequenceDecision.Superseded(1));
        assertThat(assignment.lastSeq()).isEqualTo(1);
    }

    @Test
    void twoWritersOfTheSameRecordsComputeTheSameSeqs() {
        // The owner processed the first half; a zombie replays everything from an older mark.
        List<SequenceCandidate> records = List.of(fresh("a"), fresh("b"), fresh("c"), fresh("d"));
        SequenceAssignment owner = SequenceAssignment.assign(10, records);
        SequenceAssignment zombie = SequenceAssignment.assign(10,
                List.of(stored("a", 11), stored("b", 12), fresh("c"), fresh("d")));

        assertThat(zombie.decisions()).extracting(SequenceDecision::seq)
                .containsExactlyElementsOf(owner.decisions().stream().map(SequenceDecision::seq).toList());
    }

    private static SequenceCandidate fresh(String item) {
        return new SequenceCandidate(item, item, Optional.empty());
    }

    private static SequenceCandidate stored(String item, long seq) {
        return new SequenceCandidate(item, item, Optional.of(new StoredItem(seq, true)));
    }
}
