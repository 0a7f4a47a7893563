package io.parley.chat.membership;

import io.grpc.stub.StreamObserver;
import io.grpc.StatusRuntimeException;
import io.parley.chat.chats.BadChatIdException;
import io.parley.chat.chats.ChatId;
import io.parley.chat.chats.GroupChatIds;
import io.parley.chat.error.ChatException;
import io.parley.chat.groups.GroupChatStore;
import io.parley.proto.chat.v1.GetGroupMembersRequest;
import io.parley.proto.chat.v1.GetGroupMembersResponse;
import io.parley.proto.chat.v1.GroupMember;
import io.parley.proto.chat.v1.ListUserGroupsRequest;
import io.parley.proto.chat.v1.ListUserGroupsResponse;
import io.parley.grpc.calls.UnaryReplies;
import io.parley.proto.chat.v1.ChangeMembershipRequest;
import io.parley.proto.chat.v1.ChangeMembershipResponse;
import io.parley.error.GrpcErrors;
import io.parley.proto.chat.v1.ChatMembershipGrpc;
import io.parley.proto.chat.v1.CheckMembershipRequest;
import io.parley.proto.chat.v1.CheckMembershipResponse;
import io.parley.proto.error.v1.ErrorReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import io.parley.chat.groups.MemberSpan;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ChatMembership (chat_membership.proto) for services that authorize on chat membership, such as media-service's
 * downloads, and for group-service, whose membership commands are decided in the group chat's order
 * ({@link GroupCommands}) and whose member lists are read from chat-service's. In CheckMembership a 1:1 chat's
 * members are in its id ({@link ChatId}), so it answers without I/O; a group chat's come from its current members
 * row (one Cassandra read per group chat asked about): gateways check typing senders and receivers with it.
 */
final class ChatMembershipGrpcService extends ChatMembershipGrpc.ChatMembershipImplBase {

    static final int MAX_CHATS = 100;
    private static final Logger log = LoggerFactory.getLogger(ChatMembershipGrpcService.class);

    private final GroupCommands groupCommands;
    private final GroupChatStore groups;

    ChatMembershipGrpcService(GroupCommands groupCommands, GroupChatStore groups) {
        this.groupCommands = groupCommands;
        this.groups = groups;
    }

    @Override
    public void getGroupMembers(GetGroupMembersRequest request, StreamObserver<GetGroupMembersResponse> responses) {
        if (!GroupChatIds.isGroupChat(request.getChatId())) {
            responses.onError(GrpcErrors.status(ErrorReason.BAD_CHAT_ID, "chat_id must be g:<lower-case group uuid>", Map.of()));
            return;
        }
        UnaryReplies.reply(() -> groups.members(request.getChatId()).thenApply(members -> GetGroupMembersResponse.newBuilder()
                .addAllMembers(members.stream().map(member -> GroupMember.newBuilder().setUserId(member.userId())
                        .setAdmin(member.admin()).setJoinedSeq(member.joinedSeq()).build()).toList())
                .build()), responses, ChatMembershipGrpcService::toStatus);
    }

    @Override
    public void listUserGroups(ListUserGroupsRequest request, StreamObserver<ListUserGroupsResponse> responses) {
        if (!isUuid(request.getUserId())) {
            responses.onError(GrpcErrors.status(ErrorReason.MALFORMED_ID, "user_id is not a UUID", Map.of("field", "user_id")));
            return;
        }
        UnaryReplies.reply(() -> groups.groupsOf(request.getUserId()).thenApply(found -> ListUserGroupsResponse.newBuilder()
                .addAllGroups(found.stream().map(group -> ListUserGroupsResponse.UserGroup.newBuilder()
                        .setChatId(group.chatId()).setAdmin(group.admin()).setJoinedSeq(group.joinedSeq()).build()).toList())
                .build()), responses, ChatMembershipGrpcService::toStatus);
    }

    @Override
    public void changeMembership(ChangeMembershipRequest request, StreamObserver<ChangeMembershipResponse> responses) {
        UnaryReplies.reply(() -> groupCommands.change(request), responses, ChatMembershipGrpcService::toStatus);
    }

    private static StatusRuntimeException toStatus(Throwable failure) {
        Throwable cause = ChatException.unwrap(failure);
        if (cause instanceof ChatException chat) {
            return GrpcErrors.status(chat.reason(), chat.getMessage(), chat.metadata());
        }
        log.warn("ChatMembership call failed: {}", cause.toString());
        return GrpcErrors.status(ErrorReason.STORAGE_UNAVAILABLE, "the command could not be submitted; retry", Map.of());
    }

    @Override
    public void checkMembership(CheckMembershipRequest request, StreamObserver<CheckMembershipResponse> responses) {
        if (!isUuid(request.getUserId())) {
            responses.onError(GrpcErrors.status(ErrorReason.MALFORMED_ID, "user_id is not a UUID", Map.of("field", "user_id")));
            return;
        }
        if (request.getChatIdsCount() > MAX_CHATS) {
            responses.onError(GrpcErrors.status(ErrorReason.INVALID_REQUEST, "at most " + MAX_CHATS + " chat ids", Map.of()));
            return;
        }
        List<CompletableFuture<Optional<String>>> answers = new ArrayList<>();
        for (String chatId : request.getChatIdsList()) {
            parse(chatId).ifPresent(chat -> answers.add(memberOf(chat, request.getUserId())));
        }
        UnaryReplies.reply(() -> CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .thenApply(all -> CheckMembershipResponse.newBuilder().addAllMemberChatIds(answers.stream()
                        .map(CompletableFuture::join).flatMap(Optional::stream).toList()).build()),
                responses, ChatMembershipGrpcService::toStatus);
    }

    /** The chat's id if the user is a member now: a 1:1 chat's id says so, a group's current members row does. */
    private CompletableFuture<Optional<String>> memberOf(ChatId chat, String userId) {
        if (!chat.isGroup()) {
            return CompletableFuture.completedFuture(chat.isMember(userId) ? Optional.of(chat.value()) : Optional.empty());
        }
        return groups.span(chat.value(), userId)
                .thenApply(span -> span.filter(MemberSpan::current).map(current -> chat.value()));
    }

    private static Optional<ChatId> parse(String chatId) {
        try {
            return Optional.of(ChatId.parse(chatId));
        } catch (BadChatIdException notAChat) {
            return Optional.empty();
        }
    }

    private static boolean isUuid(String value) {
        try {
            return UUID.fromString(value).toString().equals(value);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
