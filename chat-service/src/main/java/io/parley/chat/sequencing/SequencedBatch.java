package io.parley.chat.sequencing;

/** A key's records of one batch with their seqs, and the mark they started from. */
public record SequencedBatch(long startSeq, SequenceAssignment assignment) {

    public SequenceDecision decision(int index) {
        return assignment.decisions().get(index);
    }
}
