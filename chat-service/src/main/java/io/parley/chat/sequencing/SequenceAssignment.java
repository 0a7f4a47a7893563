package io.parley.chat.sequencing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives a key's records of one batch their seqs, from the key's high-water mark and what the store held.
 * The result is a function of the partition's record order alone: any writer that processes the same
 * records from a correct starting mark (a re-delivery after a crash, a zombie left over from a rebalance
 * racing the new owner) computes the same seqs and writes the same rows, so no consensus round per item is
 * needed. A starting mark is correct when every item at or below it is stored (the mark is written after
 * the rows) and no record after the consumer's starting offset lies below it unless it is stored: then a
 * stored item keeps its seq and a new one continues from the highest seq seen before it.
 *
 * @param decisions one per candidate, in order
 * @param lastSeq   the key's mark after these records
 */
public record SequenceAssignment(List<SequenceDecision> decisions, long lastSeq) {

    public static SequenceAssignment assign(long startSeq, List<SequenceCandidate> candidates) {
        List<SequenceDecision> decisions = new ArrayList<>(candidates.size());
        Map<String, Long> itemsInBatch = new HashMap<>();
        Map<String, Long> identitiesInBatch = new HashMap<>();
        long last = startSeq;
        for (SequenceCandidate candidate : candidates) {
            SequenceDecision decision = decide(candidate, last, itemsInBatch, identitiesInBatch);
            if (decision instanceof SequenceDecision.New || decision instanceof SequenceDecision.AlreadyStored) {
                itemsInBatch.putIfAbsent(candidate.item(), decision.seq());
                identitiesInBatch.putIfAbsent(candidate.identity(), decision.seq());
                last = Math.max(last, decision.seq());
            }
            decisions.add(decision);
        }
        return new SequenceAssignment(List.copyOf(decisions), last);
    }

    private static SequenceDecision decide(SequenceCandidate candidate, long last, Map<String, Long> itemsInBatch,
            Map<String, Long> identitiesInBatch) {
        if (candidate.stored().isPresent()) {
            StoredItem stored = candidate.stored().get();
            return stored.sameItem() ? new SequenceDecision.AlreadyStored(stored.seq())
                    : new SequenceDecision.Superseded(stored.seq());
        }
        Long sameItem = itemsInBatch.get(candidate.item());
        if (sameItem != null) {
            return new SequenceDecision.AlreadyStored(sameItem);
        }
        Long sameIdentity = identitiesInBatch.get(candidate.identity());
        if (sameIdentity != null) {
            return new SequenceDecision.Superseded(sameIdentity);
        }
        return new SequenceDecision.New(last + 1);
    }
}
