package io.parley.chat.groups;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A group chat's membership and settings after some seq: an immutable value, the fold of the membership log up to
 * that seq. {@link #exists()} is false before the group's CREATED command and again once its last member left
 * (the group is closed).
 */
public record GroupMembership(boolean exists, boolean everCreated, Map<String, Member> members, boolean sendAdminsOnly) {

    /** A member and the seq that made them one (the smallest is the longest-standing member). */
    public record Member(String userId, boolean admin, long joinedSeq) {
    }

    public static final GroupMembership NONE = new GroupMembership(false, false, Map.of(), false);

    public GroupMembership {
        members = Map.copyOf(members);
    }

    public Optional<Member> member(String userId) {
        return Optional.ofNullable(members.get(userId));
    }

    public boolean isMember(String userId) {
        return members.containsKey(userId);
    }

    public boolean isAdmin(String userId) {
        Member member = members.get(userId);
        return member != null && member.admin();
    }

    public long adminCount() {
        return members.values().stream().filter(Member::admin).count();
    }

    /** Oldest member first (ties: user id), the order succession and answers use. */
    public List<Member> byTenure() {
        return members.values().stream()
                .sorted(Comparator.comparingLong(Member::joinedSeq).thenComparing(Member::userId))
                .toList();
    }

    /** The membership after {@code changes} (and a settings change, if any) at {@code seq}. */
    public GroupMembership apply(long seq, List<RoleChange> changes, Boolean newSendAdminsOnly) {
        Map<String, Member> next = new LinkedHashMap<>(members);
        for (RoleChange change : changes) {
            if (change.role() == GroupRole.NONE) {
                next.remove(change.userId());
            } else {
                Member current = next.get(change.userId());
                long joined = current != null ? current.joinedSeq() : seq;
                next.put(change.userId(), new Member(change.userId(), change.role() == GroupRole.ADMIN, joined));
            }
        }
        boolean created = everCreated || !next.isEmpty();
        return new GroupMembership(!next.isEmpty(), created, next,
                newSendAdminsOnly != null ? newSendAdminsOnly : sendAdminsOnly);
    }
}
