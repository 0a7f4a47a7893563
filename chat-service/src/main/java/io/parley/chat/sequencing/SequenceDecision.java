package io.parley.chat.sequencing;

import java.util.Optional;

/**
 * What the single writer of a counter does with an item, decided from the counter row and from what is
 * already stored. The caller reads the counter FIRST and the stored item SECOND: an item stored before
 * the counter moved past it is then always seen, so a late (zombie) writer can never give it a second seq.
 */
public sealed interface SequenceDecision {

    /** The item is fully stored under {@code seq}: reuse it, create nothing new. */
    record AlreadyStored(long seq) implements SequenceDecision {
    }

    /** Another item with the same identity is stored: this one is a duplicate and gets no seq. */
    record Superseded(long seq) implements SequenceDecision {
    }

    /** The counter was advanced for this item but its rows were not all written (crash): reuse the seq. */
    record Resume(long seq) implements SequenceDecision {
    }

    /** A new item: advance the counter from {@code expectedLastSeq} (0 = no counter row yet) to {@code seq}. */
    record Assign(long seq, long expectedLastSeq) implements SequenceDecision {
    }

    static SequenceDecision decide(String item, Optional<SequenceState> counter, Optional<StoredItem> stored) {
        if (stored.isPresent()) {
            return stored.get().sameItem() ? new AlreadyStored(stored.get().seq()) : new Superseded(stored.get().seq());
        }
        if (counter.isPresent() && counter.get().lastItem().equals(item)) {
            return new Resume(counter.get().lastSeq());
        }
        long last = counter.map(SequenceState::lastSeq).orElse(0L);
        return new Assign(last + 1, last);
    }
}
