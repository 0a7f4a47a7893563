package io.parley.chat.sequencing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SequenceDecisionTest {

    @Test
    void theFirstItemOfAKeyGetsSeqOneWhenNoCounterExists() {
        assertThat(SequenceDecision.decide("m1", Optional.empty(), Optional.empty()))
                .isEqualTo(new SequenceDecision.Assign(1, 0));
    }

    @Test
    void aNewItemGetsTheNextSeqIfTheCounterStillSaysTheLastOne() {
        assertThat(SequenceDecision.decide("m6", Optional.of(new SequenceState(5, "m5")), Optional.empty()))
                .isEqualTo(new SequenceDecision.Assign(6, 5));
    }

    @Test
    void aStoredItemKeepsItsSeqWhateverTheCounterSays() {
        assertThat(SequenceDecision.decide("m3", Optional.of(new SequenceState(9, "m9")), Optional.of(new StoredItem(3, true))))
                .isEqualTo(new SequenceDecision.AlreadyStored(3));
    }

    @Test
    void anItemWhoseRowsWereNotWrittenAfterItsCompareAndSetResumesItsSeq() {
        assertThat(SequenceDecision.decide("m7", Optional.of(new SequenceState(7, "m7")), Optional.empty()))
                .isEqualTo(new SequenceDecision.Resume(7));
    }

    @Test
    void anItemStoredUnderAnotherIdIsSuperseded() {
        assertThat(SequenceDecision.decide("m8", Optional.of(new SequenceState(7, "m7")), Optional.of(new StoredItem(4, false))))
                .isEqualTo(new SequenceDecision.Superseded(4));
    }
}
