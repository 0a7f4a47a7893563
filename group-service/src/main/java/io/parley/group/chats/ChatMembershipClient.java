package io.parley.group.chats;

import io.grpc.Status;
import io.parley.error.GrpcErrors;
import io.parley.group.error.GroupException;
import io.parley.grpc.calls.UnaryCalls;
import io.parley.proto.chat.v1.ChangeMembershipRequest;
import io.parley.proto.chat.v1.ChangeMembershipResponse;
import io.parley.proto.chat.v1.ChatMembershipGrpc;
import io.parley.proto.chat.v1.GetGroupMembersRequest;
import io.parley.proto.chat.v1.GetGroupMembersResponse;
import io.parley.proto.chat.v1.GroupMember;
import io.parley.proto.chat.v1.ListUserGroupsRequest;
import io.parley.proto.chat.v1.ListUserGroupsResponse;
import io.parley.proto.chat.v1.MembershipCommand;
import io.parley.proto.error.v1.ErrorReason;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;

/**
 * chat-service's ChatMembership: group membership lives in the group chat's own order there, so every change is a
 * command its single writer decides, and every member list is read from it. A failure to reach it is
 * STORAGE_UNAVAILABLE to group-service's callers (retriable).
 */
public class ChatMembershipClient {

    private static final String CHAT_PREFIX = "g:";

    private final ChatMembershipGrpc.ChatMembershipStub stub;
    private final ChatServiceSettings settings;

    public ChatMembershipClient(ChatMembershipGrpc.ChatMembershipStub stub, ChatServiceSettings settings) {
        this.stub = stub;
        this.settings = settings;
    }

    /** Submits a command under a fresh command id and waits for its outcome. */
    public Mono<MembershipOutcome> change(UUID groupId, UUID actor, MembershipCommand command) {
        ChangeMembershipRequest request = ChangeMembershipRequest.newBuilder().setChatId(CHAT_PREFIX + groupId)
                .setCommandId(UUID.randomUUID().toString()).setActorUserId(actor.toString()).setCommand(command).build();
        return UnaryCalls.<ChangeMembershipResponse>mono(observer -> stub
                        .withDeadlineAfter(settings.commandTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .changeMembership(request, observer))
                .onErrorMap(ChatMembershipClient::unavailable)
                .map(answer -> new MembershipOutcome(answer.getSeq(),
                        answer.getSeq() > 0 ? null : answer.getRefused(), members(answer.getMembersList())));
    }

    /** The group's current members, oldest first; empty for no such (or a closed) group. */
    public Mono<List<Member>> members(UUID groupId) {
        GetGroupMembersRequest request = GetGroupMembersRequest.newBuilder().setChatId(CHAT_PREFIX + groupId).build();
        return UnaryCalls.<GetGroupMembersResponse>mono(observer -> withDeadline().getGroupMembers(request, observer))
                .onErrorMap(ChatMembershipClient::unavailable)
                .map(answer -> members(answer.getMembersList()));
    }

    public Mono<List<UserGroup>> groupsOf(UUID userId) {
        ListUserGroupsRequest request = ListUserGroupsRequest.newBuilder().setUserId(userId.toString()).build();
        return UnaryCalls.<ListUserGroupsResponse>mono(observer -> withDeadline().listUserGroups(request, observer))
                .onErrorMap(ChatMembershipClient::unavailable)
                .map(answer -> answer.getGroupsList().stream()
                        .filter(group -> group.getChatId().startsWith(CHAT_PREFIX))
                        .map(group -> new UserGroup(UUID.fromString(group.getChatId().substring(CHAT_PREFIX.length())),
                                group.getAdmin(), group.getJoinedSeq()))
                        .toList());
    }

    private ChatMembershipGrpc.ChatMembershipStub withDeadline() {
        return stub.withDeadlineAfter(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private static List<Member> members(List<GroupMember> members) {
        return members.stream().map(member -> new Member(UUID.fromString(member.getUserId()), member.getAdmin(),
                member.getJoinedSeq())).toList();
    }

    private static Throwable unavailable(Throwable failure) {
        ErrorReason reason = GrpcErrors.reasonOf(failure);
        if (Status.fromThrowable(failure).getCode() == Status.Code.INVALID_ARGUMENT) {
            return new GroupException(reason, "chat-service refused the request: " + Status.fromThrowable(failure).getDescription());
        }
        return new GroupException(ErrorReason.STORAGE_UNAVAILABLE, "the group's membership cannot be reached; retry");
    }
}
