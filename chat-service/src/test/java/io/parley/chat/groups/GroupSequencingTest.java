package io.parley.chat.groups;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.chat.sequencing.StoredItem;
import io.parley.proto.chat.v1.MembershipChange;
import io.parley.proto.chat.v1.MembershipCommand;
import io.parley.proto.error.v1.ErrorReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GroupSequencingTest {

    private static final int CAP = 4;

    @Test
    void addsInRecordOrderFillTheFreeSlotsAndTheRestAreRefusedFull() {
        GroupMembership start = created("admin", "b", "c");
        List<GroupCandidate> adds = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            adds.add(fresh(command("add-" + i, "admin", MembershipChange.ADDED, "new-" + i)));
        }

        GroupSequencing decided = GroupSequencing.assign(1, start, adds);

        assertThat(decided.decisions().get(0)).isInstanceOf(GroupDecision.Applied.class);
        assertThat(((GroupDecision.Applied) decided.decisions().get(0)).seq()).isEqualTo(2);
        assertThat(decided.decisions().subList(1, 50)).allSatisfy(decision ->
                assertThat(decision).isEqualTo(new GroupDecision.Refused(ErrorReason.GROUP_FULL, true)));
        assertThat(decided.lastSeq()).isEqualTo(2);
        assertThat(decided.after().get(49).members()).containsKey("new-0").hasSize(CAP);
    }

    @Test
    void aMessageIsAcceptedFromMembersOnlyAtItsPlaceInTheOrder() {
        GroupMembership start = created("admin", "b");
        GroupSequencing decided = GroupSequencing.assign(1, start, List.of(
                fresh(message("m1", "carol")),
                fresh(command("add-carol", "admin", MembershipChange.ADDED, "carol")),
                fresh(message("m2", "carol")),
                fresh(command("rm-b", "admin", MembershipChange.REMOVED, "b")),
                fresh(message("m3", "b"))));

        assertThat(decided.decisions()).containsExactly(
                new GroupDecision.Refused(ErrorReason.NOT_A_MEMBER, true),
                new GroupDecision.Applied(2, List.of(new RoleChange("carol", GroupRole.MEMBER)), null, true),
                new GroupDecision.Applied(3, List.of(), null, true),
                new GroupDecision.Applied(4, List.of(new RoleChange("b", GroupRole.NONE)), null, true),
                new GroupDecision.Refused(ErrorReason.NOT_A_MEMBER, true));
    }

    @Test
    void aReplayAfterTheMarkMovedKeepsEveryStoredOutcome() {
        // First run: m1 refused (carol not yet a member), then carol added at 2. The mark reached 2, the offsets
        // were not committed: the replay starts from the membership after 2, where carol IS a member.
        GroupMembership afterTwo = created("admin").apply(2, List.of(new RoleChange("carol", GroupRole.MEMBER)), null);
        GroupSequencing replayed = GroupSequencing.assign(2, afterTwo, List.of(
                new GroupCandidate(message("m1", "carol"), Optional.of(new StoredOutcome(0, ErrorReason.NOT_A_MEMBER)), Optional.empty()),
                new GroupCandidate(command("add-carol", "admin", MembershipChange.ADDED, "carol"),
                        Optional.of(new StoredOutcome(2, null)), Optional.empty()),
                new GroupCandidate(message("m2", "carol"), Optional.empty(), Optional.of(new StoredItem(3, true)))));

        assertThat(replayed.decisions()).containsExactly(
                new GroupDecision.Refused(ErrorReason.NOT_A_MEMBER, false),
                new GroupDecision.Applied(2, List.of(), null, false),
                new GroupDecision.Applied(3, List.of(), null, false));
        assertThat(replayed.lastSeq()).isEqualTo(3);
    }

    @Test
    void whenTheLastAdminLeavesTheLongestStandingMemberBecomesAdmin() {
        GroupMembership start = created("admin", "b")
                .apply(2, List.of(new RoleChange("a-later", GroupRole.MEMBER)), null);

        MembershipRules.Verdict verdict = MembershipRules.decide(start, "admin", command("x", "admin", MembershipChange.LEFT).command());

        assertThat(verdict.changes()).containsExactly(new RoleChange("admin", GroupRole.NONE), new RoleChange("b", GroupRole.ADMIN));
    }

    @Test
    void theLastAdminCannotBeDemotedAndSendersAreAdminsWhereOnlyAdminsSend() {
        GroupMembership start = created("admin", "b").apply(2, List.of(), true);

        assertThat(MembershipRules.decide(start, "admin", command("x", "admin", MembershipChange.DEMOTED, "admin").command())
                .refused()).isEqualTo(ErrorReason.INVALID_REQUEST);
        assertThat(MembershipRules.mayPost(start, "b")).isEqualTo(ErrorReason.NOT_A_GROUP_ADMIN);
        assertThat(MembershipRules.mayPost(start, "admin")).isNull();
    }

    private static GroupMembership created(String admin, String... members) {
        List<RoleChange> changes = new ArrayList<>();
        changes.add(new RoleChange(admin, GroupRole.ADMIN));
        for (String member : members) {
            changes.add(new RoleChange(member, GroupRole.MEMBER));
        }
        return GroupMembership.NONE.apply(1, changes, false);
    }

    private static GroupCandidate fresh(GroupRecord record) {
        return new GroupCandidate(record, Optional.empty(), Optional.empty());
    }

    private static GroupRecord.Message message(String id, String sender) {
        return new GroupRecord.Message(id, sender + "/" + id, sender);
    }

    private static GroupRecord.Command command(String id, String actor, MembershipChange change, String... targets) {
        return new GroupRecord.Command(id, actor, MembershipCommand.newBuilder().setChange(change)
                .addAllTargetUserIds(List.of(targets)).setMaxMembers(CAP).build());
    }
}
