package io.parley.chat.groups;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.parley.cassandra.async.AsyncCql;
import io.parley.proto.error.v1.ErrorReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * A group chat's membership in Cassandra (V004__group_membership.cql): the log the single writer folds, the current
 * members for readers, and the stored outcomes that make replays decide the same.
 */
public final class GroupChatStore {

    private final AsyncCql cql;
    private final PreparedStatement readLog;
    private final PreparedStatement readSettings;
    private final PreparedStatement writeLog;
    private final PreparedStatement writeSettings;
    private final PreparedStatement joinMember;
    private final PreparedStatement leaveMember;
    private final PreparedStatement joinGroup;
    private final PreparedStatement leaveGroup;
    private final PreparedStatement readGroups;
    private final PreparedStatement readMembers;
    private final PreparedStatement readMember;
    private final PreparedStatement readOutcome;
    private final PreparedStatement writeOutcome;
    private final PreparedStatement readInfo;
    private final PreparedStatement writeInfo;

    public GroupChatStore(AsyncCql cql) {
        this.cql = cql;
        this.readLog = cql.prepare("SELECT seq, user_id, role FROM group_membership_log WHERE chat_id = ?");
        this.readSettings = cql.prepare("SELECT seq, send_admins_only FROM group_settings_log WHERE chat_id = ?");
        this.writeLog = cql.prepare("INSERT INTO group_membership_log (chat_id, seq, user_id, role) VALUES (?, ?, ?, ?)");
        this.writeSettings = cql.prepare("INSERT INTO group_settings_log (chat_id, seq, send_admins_only) VALUES (?, ?, ?)");
        this.joinMember = cql.prepare("UPDATE group_members USING TIMESTAMP ? SET role = ?, joined_seq = ?, left_seq = null "
                + "WHERE chat_id = ? AND user_id = ?");
        this.leaveMember = cql.prepare("UPDATE group_members USING TIMESTAMP ? SET role = 'none', left_seq = ? "
                + "WHERE chat_id = ? AND user_id = ?");
        this.joinGroup = cql.prepare("UPDATE groups_by_user USING TIMESTAMP ? SET role = ?, joined_seq = ?, left_seq = null "
                + "WHERE user_id = ? AND chat_id = ?");
        this.leaveGroup = cql.prepare("UPDATE groups_by_user USING TIMESTAMP ? SET role = 'none', left_seq = ? "
                + "WHERE user_id = ? AND chat_id = ?");
        this.readGroups = cql.prepare("SELECT chat_id, role, joined_seq FROM groups_by_user WHERE user_id = ?");
        this.readMembers = cql.prepare("SELECT user_id, role, joined_seq FROM group_members WHERE chat_id = ?");
        this.readMember = cql.prepare("SELECT role, joined_seq, left_seq FROM group_members WHERE chat_id = ? AND user_id = ?");
        this.readOutcome = cql.prepare("SELECT seq, refused FROM group_outcomes WHERE chat_id = ? AND item_id = ?");
        this.writeOutcome = cql.prepare("INSERT INTO group_outcomes (chat_id, item_id, seq, refused) VALUES (?, ?, ?, ?)");
        this.readInfo = cql.prepare("SELECT name, avatar_media_id FROM group_info WHERE chat_id = ?");
        this.writeInfo = cql.prepare("UPDATE group_info USING TIMESTAMP ? SET name = ?, avatar_media_id = ? WHERE chat_id = ?");
    }

    /** The membership after {@code seq}: the fold of the log up to it (rows above it are ignored, see the table). */
    public CompletableFuture<GroupMembership> membershipAfter(String chatId, long seq) {
        CompletableFuture<List<Row>> log = cql.all(readLog.bind(chatId));
        CompletableFuture<List<Row>> settings = cql.all(readSettings.bind(chatId));
        return log.thenCombine(settings, (roles, sendRules) -> {
            TreeMap<Long, List<RoleChange>> changes = new TreeMap<>();
            TreeMap<Long, Boolean> sendAdminsOnly = new TreeMap<>();
            for (Row row : roles) {
                if (row.getLong("seq") <= seq) {
                    changes.computeIfAbsent(row.getLong("seq"), ignored -> new ArrayList<>())
                            .add(new RoleChange(row.getString("user_id"), GroupRole.ofStored(row.getString("role"))));
                }
            }
            for (Row row : sendRules) {
                if (row.getLong("seq") <= seq) {
                    sendAdminsOnly.put(row.getLong("seq"), row.getBoolean("send_admins_only"));
                }
            }
            TreeMap<Long, Boolean> seqs = new TreeMap<>();
            changes.keySet().forEach(at -> seqs.put(at, true));
            sendAdminsOnly.keySet().forEach(at -> seqs.put(at, true));
            GroupMembership membership = GroupMembership.NONE;
            for (long at : seqs.keySet()) {
                membership = membership.apply(at, changes.getOrDefault(at, List.of()), sendAdminsOnly.get(at));
            }
            return membership;
        });
    }

    /**
     * Every membership span of the chat, from the whole log. Rows above the chat's mark (left by a crash) are included:
     * the replay rewrites them identically, and callers ask only about seqs of messages already stored.
     */
    public CompletableFuture<MembershipTimeline> timeline(String chatId) {
        return cql.all(readLog.bind(chatId)).thenApply(rows -> MembershipTimeline.of(rows.stream()
                .map(row -> new MembershipTimeline.Change(row.getLong("seq"), row.getString("user_id"),
                        GroupRole.ofStored(row.getString("role"))))
                .toList()));
    }

    /**
     * Writes the changes a system message at {@code seq} made: log rows, the settings row, and the readers' rows
     * ({@code after}: the membership after it, for the joined seq of a new member). Idempotent.
     */
    public CompletableFuture<Void> writeChanges(String chatId, long seq, List<RoleChange> changes, Boolean sendAdminsOnly,
            GroupMembership after) {
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (RoleChange change : changes) {
            writes.add(cql.execute(writeLog.bind(chatId, seq, change.userId(), change.role().stored())));
            if (change.role() == GroupRole.NONE) {
                writes.add(cql.execute(leaveMember.bind(seq, seq, chatId, change.userId())));
                writes.add(cql.execute(leaveGroup.bind(seq, seq, change.userId(), chatId)));
            } else {
                long joined = after.member(change.userId()).map(GroupMembership.Member::joinedSeq).orElse(seq);
                writes.add(cql.execute(joinMember.bind(seq, change.role().stored(), joined, chatId, change.userId())));
                writes.add(cql.execute(joinGroup.bind(seq, change.role().stored(), joined, change.userId(), chatId)));
            }
        }
        if (sendAdminsOnly != null) {
            writes.add(cql.execute(writeSettings.bind(chatId, seq, sendAdminsOnly)));
        }
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new));
    }

    /** The chat's name and avatar as its info-change system messages set them ({@link GroupInfo#NONE} if none did). */
    public CompletableFuture<GroupInfo> info(String chatId) {
        return cql.one(readInfo.bind(chatId)).thenApply(row -> row
                .map(found -> new GroupInfo(found.getString("name"), found.getString("avatar_media_id")))
                .orElse(GroupInfo.NONE));
    }

    /** The info after the change at {@code seq}; the latest change wins in any write order. */
    public CompletableFuture<Void> writeInfo(String chatId, long seq, GroupInfo info) {
        return cql.execute(writeInfo.bind(seq, info.name(), info.avatarMediaId(), chatId));
    }

    public CompletableFuture<Optional<StoredOutcome>> outcome(String chatId, String itemId) {
        return cql.one(readOutcome.bind(chatId, itemId)).thenApply(row -> row.map(GroupChatStore::outcome));
    }

    /** Stores a decision: applied at {@code seq}, or refused ({@code refused} not null, seq 0). */
    public CompletableFuture<Void> writeOutcome(String chatId, String itemId, long seq, ErrorReason refused) {
        return cql.execute(writeOutcome.bind(chatId, itemId, seq, refused == null ? null : refused.name()));
    }

    /** The current members, oldest first, as readers see them (the last batch's writes included). */
    public CompletableFuture<List<GroupMembership.Member>> members(String chatId) {
        return cql.all(readMembers.bind(chatId)).thenApply(rows -> {
            Map<String, GroupMembership.Member> members = new TreeMap<>();
            for (Row row : rows) {
                GroupRole role = GroupRole.ofStored(row.getString("role"));
                if (role != GroupRole.NONE) {
                    members.put(row.getString("user_id"), new GroupMembership.Member(row.getString("user_id"),
                            role == GroupRole.ADMIN, row.getLong("joined_seq")));
                }
            }
            return new GroupMembership(!members.isEmpty(), true, members, false).byTenure();
        });
    }

    /** The group chats {@code userId} is a member of now, with their role and joined seq (in no given order). */
    public CompletableFuture<List<UserGroup>> groupsOf(String userId) {
        return cql.all(readGroups.bind(userId)).thenApply(rows -> rows.stream()
                .filter(row -> GroupRole.ofStored(row.getString("role")) != GroupRole.NONE)
                .map(row -> new UserGroup(row.getString("chat_id"), GroupRole.ofStored(row.getString("role")) == GroupRole.ADMIN,
                        row.getLong("joined_seq")))
                .toList());
    }

    /** The user's current row of the chat: a member now, or when they left (history stops there). */
    public CompletableFuture<Optional<MemberSpan>> span(String chatId, String userId) {
        return cql.one(readMember.bind(chatId, userId)).thenApply(row -> row.map(found -> new MemberSpan(
                GroupRole.ofStored(found.getString("role")), found.getLong("joined_seq"),
                found.isNull("left_seq") ? null : found.getLong("left_seq"))));
    }

    private static StoredOutcome outcome(Row row) {
        String refused = row.getString("refused");
        return new StoredOutcome(row.getLong("seq"), refused == null ? null : ErrorReason.valueOf(refused));
    }
}
