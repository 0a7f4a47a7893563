package io.parley.chat.groups;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who was a member of a group chat at each seq: every user's spans, from the seq of the change that made them a
 * member to the seq of the one that ended it, folded from the membership log. A message at seq {@code s} was for the
 * members whose span has {@code joined < s} and no end or {@code end > s} (a member added at {@code j} receives the
 * chat from {@code j} on; one removed at {@code l} receives {@code l} itself, their removal, and nothing after). Unlike
 * {@code group_members} it keeps every span of a user who left and came back.
 */
public final class MembershipTimeline {

    /** A membership from {@code joined} (the seq of the change that made it) until {@code left} (null: still). */
    record Span(long joined, Long left) {

        boolean covers(long seq) {
            return joined < seq && (left == null || left > seq);
        }
    }

    private final Map<String, List<Span>> spans;

    private MembershipTimeline(Map<String, List<Span>> spans) {
        this.spans = spans;
    }

    /** A change of the log: from {@code seq} on, {@code userId} has {@code role}. */
    public record Change(long seq, String userId, GroupRole role) {
    }

    /** Folds the log's changes (in any order: they are sorted by seq here). */
    public static MembershipTimeline of(List<Change> changes) {
        List<Change> ordered = new ArrayList<>(changes);
        ordered.sort((a, b) -> Long.compare(a.seq(), b.seq()));
        Map<String, List<Span>> spans = new HashMap<>();
        for (Change change : ordered) {
            List<Span> user = spans.computeIfAbsent(change.userId(), id -> new ArrayList<>());
            Span last = user.isEmpty() ? null : user.get(user.size() - 1);
            boolean member = last != null && last.left() == null;
            if (change.role() == GroupRole.NONE && member) {
                user.set(user.size() - 1, new Span(last.joined(), change.seq()));
            } else if (change.role() != GroupRole.NONE && !member) {
                user.add(new Span(change.seq(), null));
            }
        }
        return new MembershipTimeline(spans);
    }

    /** Every user who ever was a member. */
    public Set<String> users() {
        return spans.keySet();
    }

    /** Whether {@code userId} was a member when the message at {@code seq} was sent. */
    public boolean wasMemberAt(String userId, long seq) {
        return spans.getOrDefault(userId, List.of()).stream().anyMatch(span -> span.covers(seq));
    }

    /** Whether {@code userId} is a member now. */
    public boolean isMemberNow(String userId) {
        List<Span> user = spans.getOrDefault(userId, List.of());
        return !user.isEmpty() && user.get(user.size() - 1).left() == null;
    }

    /** The members a message at {@code seq} was for, sorted. */
    public Set<String> membersAt(long seq) {
        Set<String> members = new TreeSet<>();
        spans.forEach((user, userSpans) -> {
            if (userSpans.stream().anyMatch(span -> span.covers(seq))) {
                members.add(user);
            }
        });
        return members;
    }
}
