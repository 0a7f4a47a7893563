package io.parley.chat.groups;

import io.parley.chat.sequencing.StoredItem;
import io.parley.proto.error.v1.ErrorReason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives a group chat's records of one batch their decisions and seqs, from the chat's mark, the membership after
 * it, and what the store held: the group counterpart of {@code SequenceAssignment}, with the membership folded in
 * record order. A record found with a stored outcome (or stored message rows) keeps it; any other record is
 * decided against the membership after every record before it, so a writer that replays the records from a
 * correct mark decides exactly as the first one did. A refusal is stored too: a message or a command refused
 * before a later record changed the membership must not be accepted when replayed after it.
 *
 * @param decisions one per candidate, in order
 * @param after     the membership after each candidate (the same as before it unless it was applied)
 * @param lastSeq   the chat's mark after these records
 */
public record GroupSequencing(List<GroupDecision> decisions, List<GroupMembership> after, long lastSeq) {

    public static GroupSequencing assign(long startSeq, GroupMembership start, List<GroupCandidate> candidates) {
        List<GroupDecision> decisions = new ArrayList<>(candidates.size());
        List<GroupMembership> after = new ArrayList<>(candidates.size());
        Map<String, GroupDecision> itemsInBatch = new HashMap<>();
        Map<String, Long> identitiesInBatch = new HashMap<>();
        GroupMembership membership = start;
        long last = startSeq;
        for (GroupCandidate candidate : candidates) {
            GroupDecision decision = itemsInBatch.containsKey(candidate.record().itemId())
                    ? repeated(itemsInBatch.get(candidate.record().itemId()))
                    : decide(candidate, membership, startSeq, last, identitiesInBatch);
            itemsInBatch.putIfAbsent(candidate.record().itemId(), decision);
            if (decision instanceof GroupDecision.Applied applied) {
                if (candidate.record() instanceof GroupRecord.Message message) {
                    identitiesInBatch.putIfAbsent(message.identity(), applied.seq());
                }
                if (applied.seq() > last) {
                    membership = membership.apply(applied.seq(), applied.changes(), applied.sendAdminsOnly());
                }
                last = Math.max(last, applied.seq());
            }
            decisions.add(decision);
            after.add(membership);
        }
        return new GroupSequencing(List.copyOf(decisions), List.copyOf(after), last);
    }

    /** The same item again later in the batch: it is what the first occurrence became, already accounted for. */
    private static GroupDecision repeated(GroupDecision first) {
        if (first instanceof GroupDecision.Applied applied) {
            return new GroupDecision.Applied(applied.seq(), List.of(), null, false);
        }
        if (first instanceof GroupDecision.Refused refused) {
            return new GroupDecision.Refused(refused.reason(), false);
        }
        return first;
    }

    private static GroupDecision decide(GroupCandidate candidate, GroupMembership membership, long startSeq, long last,
            Map<String, Long> identitiesInBatch) {
        if (candidate.outcome().isPresent() && !candidate.outcome().get().applied()) {
            return new GroupDecision.Refused(candidate.outcome().get().refused(), false);
        }
        if (candidate.record() instanceof GroupRecord.Message message) {
            return message(candidate, message, membership, last, identitiesInBatch);
        }
        return command(candidate, (GroupRecord.Command) candidate.record(), membership, startSeq, last);
    }

    private static GroupDecision message(GroupCandidate candidate, GroupRecord.Message message, GroupMembership membership,
            long last, Map<String, Long> identitiesInBatch) {
        if (candidate.stored().isPresent()) {
            StoredItem stored = candidate.stored().get();
            return stored.sameItem() ? new GroupDecision.Applied(stored.seq(), List.of(), null, false)
                    : new GroupDecision.Superseded(stored.seq());
        }
        Long sameIdentity = identitiesInBatch.get(message.identity());
        if (sameIdentity != null) {
            return new GroupDecision.Superseded(sameIdentity);
        }
        ErrorReason refused = MembershipRules.mayPost(membership, message.senderUserId());
        return refused != null ? new GroupDecision.Refused(refused, true)
                : new GroupDecision.Applied(last + 1, List.of(), null, true);
    }

    /**
     * A command found applied keeps its seq. At or below the mark its changes are in the membership already and
     * everything it wrote is durable: nothing to redo. Above the mark (a crash before the mark was raised) it makes
     * the same changes as when it was decided: the rules see the same membership before it, since every record
     * before it is replayed identically.
     */
    private static GroupDecision command(GroupCandidate candidate, GroupRecord.Command command, GroupMembership membership,
            long startSeq, long last) {
        if (candidate.outcome().isPresent() && candidate.outcome().get().seq() <= startSeq) {
            return new GroupDecision.Applied(candidate.outcome().get().seq(), List.of(), null, false);
        }
        MembershipRules.Verdict verdict = MembershipRules.decide(membership, command.actorUserId(), command.command());
        if (candidate.outcome().isPresent()) {
            return new GroupDecision.Applied(candidate.outcome().get().seq(), verdict.changes(), verdict.sendAdminsOnly(), false);
        }
        return verdict.refused() != null ? new GroupDecision.Refused(verdict.refused(), true)
                : new GroupDecision.Applied(last + 1, verdict.changes(), verdict.sendAdminsOnly(), true);
    }
}
