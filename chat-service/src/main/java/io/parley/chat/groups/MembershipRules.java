package io.parley.chat.groups;

import io.parley.proto.chat.v1.MembershipChange;
import io.parley.proto.chat.v1.MembershipCommand;
import io.parley.proto.error.v1.ErrorReason;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a command or a message may do given the membership before it: a pure function, so every writer that decides
 * the same record after the same records decides the same (docs/messaging-pipeline.md, "Groups").
 */
public final class MembershipRules {

    /** A decision before a seq is given: the changes it makes, or why it is refused. */
    public record Verdict(ErrorReason refused, List<RoleChange> changes, Boolean sendAdminsOnly) {

        static Verdict refuse(ErrorReason reason) {
            return new Verdict(reason, List.of(), null);
        }

        static Verdict apply(List<RoleChange> changes) {
            return new Verdict(null, changes, null);
        }
    }

    private MembershipRules() {
    }

    /** A member's message; only admins where only admins may send. */
    public static ErrorReason mayPost(GroupMembership before, String senderUserId) {
        if (!before.isMember(senderUserId)) {
            return ErrorReason.NOT_A_MEMBER;
        }
        return before.sendAdminsOnly() && !before.isAdmin(senderUserId) ? ErrorReason.NOT_A_GROUP_ADMIN : null;
    }

    public static Verdict decide(GroupMembership before, String actor, MembershipCommand command) {
        Set<String> targets = new LinkedHashSet<>(command.getTargetUserIdsList());
        switch (command.getChange()) {
            case CREATED -> {
                if (before.everCreated()) {
                    return Verdict.refuse(ErrorReason.INVALID_REQUEST);
                }
                targets.remove(actor);
                if (targets.size() + 1 > command.getMaxMembers()) {
                    return Verdict.refuse(ErrorReason.GROUP_FULL);
                }
                List<RoleChange> changes = new ArrayList<>();
                changes.add(new RoleChange(actor, GroupRole.ADMIN));
                targets.forEach(user -> changes.add(new RoleChange(user, GroupRole.MEMBER)));
                return new Verdict(null, changes, command.getSendAdminsOnly());
            }
            case JOINED_BY_LINK -> {
                if (!before.exists()) {
                    return Verdict.refuse(ErrorReason.NOT_FOUND);
                }
                if (before.isMember(actor)) {
                    return Verdict.refuse(ErrorReason.INVALID_REQUEST);
                }
                return before.members().size() + 1 > command.getMaxMembers()
                        ? Verdict.refuse(ErrorReason.GROUP_FULL)
                        : Verdict.apply(List.of(new RoleChange(actor, GroupRole.MEMBER)));
            }
            case LEFT -> {
                if (!before.isMember(actor)) {
                    return Verdict.refuse(before.exists() ? ErrorReason.NOT_A_MEMBER : ErrorReason.NOT_FOUND);
                }
                return Verdict.apply(withSuccession(before, List.of(new RoleChange(actor, GroupRole.NONE))));
            }
            default -> {
                ErrorReason denied = requireAdmin(before, actor, command);
                if (denied != null) {
                    return Verdict.refuse(denied);
                }
                return byAdmin(before, actor, command, targets);
            }
        }
    }

    private static ErrorReason requireAdmin(GroupMembership before, String actor, MembershipCommand command) {
        if (!before.exists()) {
            return ErrorReason.NOT_FOUND;
        }
        if (!before.isMember(actor)) {
            return ErrorReason.NOT_A_MEMBER;
        }
        boolean needsAdmin = command.getChange() != MembershipChange.INFO_CHANGED
                || command.getRequiresAdmin();
        return needsAdmin && !before.isAdmin(actor) ? ErrorReason.NOT_A_GROUP_ADMIN : null;
    }

    private static Verdict byAdmin(GroupMembership before, String actor, MembershipCommand command, Set<String> targets) {
        switch (command.getChange()) {
            case ADDED -> {
                targets.removeIf(before::isMember);
                if (targets.isEmpty()) {
                    return Verdict.refuse(ErrorReason.INVALID_REQUEST);
                }
                if (before.members().size() + targets.size() > command.getMaxMembers()) {
                    return Verdict.refuse(ErrorReason.GROUP_FULL);
                }
                return Verdict.apply(targets.stream().map(user -> new RoleChange(user, GroupRole.MEMBER)).toList());
            }
            case REMOVED -> {
                if (targets.isEmpty() || targets.contains(actor) || !targets.stream().allMatch(before::isMember)) {
                    return Verdict.refuse(ErrorReason.INVALID_REQUEST);
                }
                return Verdict.apply(withSuccession(before,
                        targets.stream().map(user -> new RoleChange(user, GroupRole.NONE)).toList()));
            }
            case PROMOTED, DEMOTED -> {
                if (targets.isEmpty() || !targets.stream().allMatch(before::isMember)) {
                    return Verdict.refuse(ErrorReason.INVALID_REQUEST);
                }
                GroupRole role = command.getChange() == MembershipChange.PROMOTED
                        ? GroupRole.ADMIN : GroupRole.MEMBER;
                List<RoleChange> changes = targets.stream().map(user -> new RoleChange(user, role)).toList();
                if (before.apply(0, changes, null).adminCount() == 0) {
                    return Verdict.refuse(ErrorReason.INVALID_REQUEST);
                }
                return Verdict.apply(changes);
            }
            case INFO_CHANGED -> {
                return Verdict.apply(List.of());
            }
            case SETTINGS_CHANGED -> {
                return new Verdict(null, List.of(), command.getSendAdminsOnly());
            }
            default -> {
                return Verdict.refuse(ErrorReason.INVALID_REQUEST);
            }
        }
    }

    /**
     * If {@code departures} leave members but no admin, the longest-standing remaining member becomes admin (in the
     * same system message). No member left: the group is closed.
     */
    private static List<RoleChange> withSuccession(GroupMembership before, List<RoleChange> departures) {
        GroupMembership after = before.apply(0, departures, null);
        if (after.members().isEmpty() || after.adminCount() > 0) {
            return departures;
        }
        List<RoleChange> changes = new ArrayList<>(departures);
        changes.add(new RoleChange(after.byTenure().get(0).userId(), GroupRole.ADMIN));
        return changes;
    }
}
