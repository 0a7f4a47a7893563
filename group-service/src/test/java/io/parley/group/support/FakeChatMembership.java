package io.parley.group.support;

import io.grpc.stub.StreamObserver;
import io.parley.doubles.DoubleServer;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * chat-service's ChatMembership as group-service uses it, over a real gRPC socket: each group chat's commands are
 * decided one at a time, in arrival order, with the rules of docs/messaging-pipeline.md ("Groups") that group-service
 * relies on. The decision under concurrency and replay is chat-service's, tested there (GroupMembershipIntegrationTest);
 * this stand-in lets group-service's tests run without Kafka and a whole chat-service.
 */
public final class FakeChatMembership extends ChatMembershipGrpc.ChatMembershipImplBase {

    private static final FakeChatMembership INSTANCE = new FakeChatMembership();

    private record State(boolean admin, long joinedSeq) {
    }

    private final Map<String, LinkedHashMap<String, State>> chats = new HashMap<>();
    private final Map<String, Long> seqs = new HashMap<>();
    private final DoubleServer server;

    private FakeChatMembership() {
        server = DoubleServer.serving("chat-service", this);
    }

    public static FakeChatMembership instance() {
        return INSTANCE;
    }

    public String address() {
        return server.address();
    }

    @Override
    public synchronized void changeMembership(ChangeMembershipRequest request, StreamObserver<ChangeMembershipResponse> responses) {
        LinkedHashMap<String, State> members = chats.computeIfAbsent(request.getChatId(), ignored -> new LinkedHashMap<>());
        ErrorReason refused = decide(request.getChatId(), members, request.getActorUserId(), request.getCommand());
        ChangeMembershipResponse.Builder answer = ChangeMembershipResponse.newBuilder()
                .setSeq(refused == null ? seqs.getOrDefault(request.getChatId(), 0L) : 0);
        if (refused != null) {
            answer.setRefused(refused);
        }
        responses.onNext(answer.addAllMembers(members(members)).build());
        responses.onCompleted();
    }

    @Override
    public synchronized void getGroupMembers(GetGroupMembersRequest request, StreamObserver<GetGroupMembersResponse> responses) {
        responses.onNext(GetGroupMembersResponse.newBuilder()
                .addAllMembers(members(chats.getOrDefault(request.getChatId(), new LinkedHashMap<>()))).build());
        responses.onCompleted();
    }

    @Override
    public synchronized void listUserGroups(ListUserGroupsRequest request, StreamObserver<ListUserGroupsResponse> responses) {
        ListUserGroupsResponse.Builder answer = ListUserGroupsResponse.newBuilder();
        chats.forEach((chat, members) -> {
            State state = members.get(request.getUserId());
            if (state != null) {
                answer.addGroups(ListUserGroupsResponse.UserGroup.newBuilder().setChatId(chat).setAdmin(state.admin())
                        .setJoinedSeq(state.joinedSeq()));
            }
        });
        responses.onNext(answer.build());
        responses.onCompleted();
    }

    private ErrorReason decide(String chat, LinkedHashMap<String, State> members, String actor, MembershipCommand command) {
        long seq = seqs.getOrDefault(chat, 0L) + 1;
        List<String> targets = command.getTargetUserIdsList();
        switch (command.getChange()) {
            case CREATED -> {
                if (seqs.containsKey(chat)) {
                    return ErrorReason.INVALID_REQUEST;
                }
                members.put(actor, new State(true, seq));
                targets.forEach(user -> members.putIfAbsent(user, new State(false, seq)));
            }
            case JOINED_BY_LINK -> {
                if (members.isEmpty()) {
                    return ErrorReason.NOT_FOUND;
                }
                if (members.containsKey(actor)) {
                    return ErrorReason.INVALID_REQUEST;
                }
                if (members.size() + 1 > command.getMaxMembers()) {
                    return ErrorReason.GROUP_FULL;
                }
                members.put(actor, new State(false, seq));
            }
            case LEFT -> {
                if (members.remove(actor) == null) {
                    return ErrorReason.NOT_A_MEMBER;
                }
                succeed(members);
            }
            default -> {
                if (!members.containsKey(actor)) {
                    return members.isEmpty() ? ErrorReason.NOT_FOUND : ErrorReason.NOT_A_MEMBER;
                }
                boolean adminOnly = command.getChange() != io.parley.proto.chat.v1.MembershipChange.INFO_CHANGED
                        || command.getRequiresAdmin();
                if (adminOnly && !members.get(actor).admin()) {
                    return ErrorReason.NOT_A_GROUP_ADMIN;
                }
                ErrorReason refused = byAdmin(members, command, targets, seq);
                if (refused != null) {
                    return refused;
                }
            }
        }
        seqs.put(chat, seq);
        return null;
    }

    private static ErrorReason byAdmin(LinkedHashMap<String, State> members, MembershipCommand command, List<String> targets, long seq) {
        switch (command.getChange()) {
            case ADDED -> {
                if (members.size() + targets.size() > command.getMaxMembers()) {
                    return ErrorReason.GROUP_FULL;
                }
                targets.forEach(user -> members.putIfAbsent(user, new State(false, seq)));
            }
            case REMOVED -> {
                if (!members.keySet().containsAll(targets)) {
                    return ErrorReason.INVALID_REQUEST;
                }
                targets.forEach(members::remove);
                succeed(members);
            }
            case PROMOTED, DEMOTED -> {
                if (!members.keySet().containsAll(targets)) {
                    return ErrorReason.INVALID_REQUEST;
                }
                boolean admin = command.getChange() == io.parley.proto.chat.v1.MembershipChange.PROMOTED;
                targets.forEach(user -> members.put(user, new State(admin, members.get(user).joinedSeq())));
            }
            default -> {
                // INFO_CHANGED, SETTINGS_CHANGED: a system message, no membership change
            }
        }
        return null;
    }

    /** No admin left: the longest-standing member (inserted first) becomes one. */
    private static void succeed(LinkedHashMap<String, State> members) {
        if (!members.isEmpty() && members.values().stream().noneMatch(State::admin)) {
            Map.Entry<String, State> oldest = members.entrySet().iterator().next();
            oldest.setValue(new State(true, oldest.getValue().joinedSeq()));
        }
    }

    private static List<GroupMember> members(Map<String, State> members) {
        List<GroupMember> answer = new ArrayList<>();
        members.forEach((user, state) -> answer.add(GroupMember.newBuilder().setUserId(user).setAdmin(state.admin())
                .setJoinedSeq(state.joinedSeq()).build()));
        return answer;
    }
}
