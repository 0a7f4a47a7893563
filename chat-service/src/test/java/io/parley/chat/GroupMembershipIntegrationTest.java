package io.parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.util.concurrent.ListenableFuture;
import io.parley.chat.groups.GroupEvents;
import io.parley.proto.chat.v1.ChangeMembershipRequest;
import io.parley.proto.chat.v1.ChangeMembershipResponse;
import io.parley.proto.chat.v1.ChatMembershipGrpc;
import io.parley.proto.chat.v1.CheckMembershipRequest;
import io.parley.proto.chat.v1.GetGroupMembersRequest;
import io.parley.proto.chat.v1.GroupMember;
import io.parley.proto.chat.v1.InboxEntry;
import io.parley.proto.chat.v1.ListUserGroupsRequest;
import io.parley.proto.chat.v1.ListUserGroupsResponse;
import io.parley.proto.chat.v1.MembershipChange;
import io.parley.proto.chat.v1.MembershipCommand;
import io.parley.proto.error.v1.ErrorReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Membership in the group chat's own order (docs/messaging-pipeline.md, "Groups"): commands go through topic
 * {@code messages} and are decided by the chat's single writer against the membership after every earlier record,
 * so the cap holds under concurrency without a consensus round, every applied change is a system message with its
 * own seq, and a retried command is answered from its stored outcome.
 */
class GroupMembershipIntegrationTest extends ChatServiceIntegrationTest {

    private static final int CAP = 10;

    private final String chatId = "g:" + UUID.randomUUID();
    private final String admin = newUser();

    @Test
    void creationIsTheChatsFirstSystemMessageAndEveryMemberGetsIt() {
        String bob = newUser();
        String carol = newUser();

        ChangeMembershipResponse created = change(admin, MembershipChange.CREATED, bob, carol);

        assertThat(created.getSeq()).isEqualTo(1);
        assertThat(created.getMembersList()).containsExactlyInAnyOrder(
                GroupMember.newBuilder().setUserId(admin).setAdmin(true).setJoinedSeq(1).build(),
                GroupMember.newBuilder().setUserId(bob).setJoinedSeq(1).build(),
                GroupMember.newBuilder().setUserId(carol).setJoinedSeq(1).build());
        assertThat(membership().getGroupMembers(GetGroupMembersRequest.newBuilder().setChatId(chatId).build()).getMembersList())
                .isEqualTo(created.getMembersList());
        assertThat(membership().listUserGroups(ListUserGroupsRequest.newBuilder().setUserId(bob).build()).getGroupsList())
                .containsExactly(ListUserGroupsResponse.UserGroup.newBuilder().setChatId(chatId).setJoinedSeq(1).build());
        for (String member : List.of(admin, bob, carol)) {
            InboxEntry entry = awaitInbox(member, 1).get(0);
            assertThat(entry.getMessage().getChatId()).isEqualTo(chatId);
            assertThat(entry.getMessage().getSeq()).isEqualTo(1);
            assertThat(entry.getMessage().getContentType()).isEqualTo(GroupEvents.CONTENT_TYPE);
            assertThat(entry.getMessage().getBody().toStringUtf8()).contains("\"change\":\"created\"", "\"actor\":\"" + admin + "\"");
        }
    }

    @Test
    void fiftyConcurrentAddsOneBelowTheCapAdmitExactlyOne() throws Exception {
        List<String> firstMembers = new ArrayList<>();
        for (int i = 0; i < CAP - 2; i++) {
            firstMembers.add(newUser());
        }
        assertThat(change(admin, MembershipChange.CREATED, firstMembers.toArray(String[]::new)).getMembersCount()).isEqualTo(CAP - 1);

        ChatMembershipGrpc.ChatMembershipFutureStub async = ChatMembershipGrpc.newFutureStub(channelAs("group-service"));
        List<ListenableFuture<ChangeMembershipResponse>> adds = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            adds.add(async.withDeadlineAfter(60, TimeUnit.SECONDS).changeMembership(request(admin, UUID.randomUUID().toString(),
                    MembershipChange.ADDED, newUser())));
        }
        List<ChangeMembershipResponse> outcomes = new ArrayList<>();
        for (ListenableFuture<ChangeMembershipResponse> add : adds) {
            outcomes.add(add.get(90, TimeUnit.SECONDS));
        }

        assertThat(outcomes).filteredOn(outcome -> outcome.getSeq() > 0).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> outcome.getSeq() == 0)
                .hasSize(49)
                .allSatisfy(outcome -> assertThat(outcome.getRefused()).isEqualTo(ErrorReason.GROUP_FULL));
        assertThat(outcomes).filteredOn(outcome -> outcome.getSeq() > 0).first()
                .satisfies(applied -> assertThat(applied.getSeq()).isEqualTo(2));
        assertThat(storedSeqs()).containsExactly(1L, 2L);
        assertThat(cql.execute("SELECT user_id FROM group_members WHERE chat_id = ?", chatId).all()).hasSize(CAP);
    }

    @Test
    void onlyMembersAndAdminsActAndTheLongestStandingMemberSucceedsTheLastAdmin() {
        String bob = newUser();
        String carol = newUser();
        String outsider = newUser();
        change(admin, MembershipChange.CREATED, bob);
        change(admin, MembershipChange.ADDED, carol);

        assertThat(change(bob, MembershipChange.ADDED, outsider).getRefused()).isEqualTo(ErrorReason.NOT_A_GROUP_ADMIN);
        assertThat(change(outsider, MembershipChange.REMOVED, bob).getRefused()).isEqualTo(ErrorReason.NOT_A_MEMBER);
        assertThat(change(admin, MembershipChange.CREATED).getRefused()).isEqualTo(ErrorReason.INVALID_REQUEST);

        ChangeMembershipResponse left = change(admin, MembershipChange.LEFT);
        assertThat(left.getSeq()).isEqualTo(3);
        assertThat(left.getMembersList()).containsExactly(
                GroupMember.newBuilder().setUserId(bob).setAdmin(true).setJoinedSeq(1).build(),
                GroupMember.newBuilder().setUserId(carol).setAdmin(false).setJoinedSeq(2).build());
        assertThat(change(admin, MembershipChange.LEFT).getRefused()).isEqualTo(ErrorReason.NOT_A_MEMBER);

        assertThat(change(bob, MembershipChange.REMOVED, carol).getSeq()).isEqualTo(4);
        assertThat(awaitInbox(carol, 3)).extracting(entry -> entry.getMessage().getSeq()).containsExactly(2L, 3L, 4L);
        assertThat(memberChatsOf(bob)).as("gateways check typing with it").containsExactly(chatId);
        assertThat(memberChatsOf(carol)).as("removed").isEmpty();
        assertThat(change(carol, MembershipChange.LEFT).getRefused()).isEqualTo(ErrorReason.NOT_A_MEMBER);

        assertThat(change(bob, MembershipChange.LEFT).getMembersList()).isEmpty();
        assertThat(membership().listUserGroups(ListUserGroupsRequest.newBuilder().setUserId(bob).build()).getGroupsList()).isEmpty();
        assertThat(change(outsider, MembershipChange.JOINED_BY_LINK).getRefused()).isEqualTo(ErrorReason.NOT_FOUND);
        assertThat(storedSeqs()).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void aRetriedCommandIsAnsweredFromItsOutcomeAndAppliedOnce() {
        change(admin, MembershipChange.CREATED);
        String dave = newUser();
        ChangeMembershipRequest add = request(admin, "add-dave", MembershipChange.ADDED, dave);

        ChangeMembershipResponse first = membership().changeMembership(add);
        ChangeMembershipResponse again = membership().changeMembership(add);

        assertThat(first.getSeq()).isEqualTo(2);
        assertThat(again.getSeq()).isEqualTo(2);
        assertThat(storedSeqs()).containsExactly(1L, 2L);
    }

    /** CheckMembership as a gateway asks it: the group chat and a 1:1 chat the user is not in. */
    private List<String> memberChatsOf(String user) {
        return ChatMembershipGrpc.newBlockingStub(channelAs("gateway-service")).withDeadlineAfter(Duration.ofSeconds(30))
                .checkMembership(CheckMembershipRequest.newBuilder().setUserId(user).addChatIds(chatId)
                        .addChatIds(chatOf(newUser(), newUser()).value()).build())
                .getMemberChatIdsList();
    }

    private ChangeMembershipResponse change(String actor, MembershipChange change, String... targets) {
        return membership().changeMembership(request(actor, UUID.randomUUID().toString(), change, targets));
    }

    private ChangeMembershipRequest request(String actor, String commandId, MembershipChange change, String... targets) {
        return ChangeMembershipRequest.newBuilder().setChatId(chatId).setCommandId(commandId).setActorUserId(actor)
                .setCommand(MembershipCommand.newBuilder().setChange(change).addAllTargetUserIds(List.of(targets))
                        .setMaxMembers(CAP))
                .build();
    }

    private ChatMembershipGrpc.ChatMembershipBlockingStub membership() {
        return ChatMembershipGrpc.newBlockingStub(channelAs("group-service")).withDeadlineAfter(Duration.ofSeconds(30));
    }

    /** The group chat's stored seqs, ascending (one bucket: these tests stay far below 1,000). */
    private List<Long> storedSeqs() {
        return cql.execute("SELECT seq FROM messages_by_chat WHERE chat_id = ? AND bucket = 0 ORDER BY seq ASC", chatId)
                .all().stream().map(row -> row.getLong(0)).toList();
    }
}
