package io.parley.gateway.support;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.parley.proto.chat.v1.ChatMembershipGrpc;
import io.parley.proto.chat.v1.CheckMembershipRequest;
import io.parley.proto.chat.v1.CheckMembershipResponse;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * chat-service's ChatMembership.CheckMembership as the gateway uses it, on the fake chat-service's socket: tests say
 * who is in which group chat, or make a user's checks fail as chat-service does when Cassandra is down.
 */
public final class FakeChatMembership extends ChatMembershipGrpc.ChatMembershipImplBase {

    private final Map<String, Set<String>> members = new ConcurrentHashMap<>();
    private final Set<String> uncheckableUsers = ConcurrentHashMap.newKeySet();
    public final AtomicInteger checks = new AtomicInteger();

    public void group(String chat, Collection<String> users) {
        members.computeIfAbsent(chat, ignored -> ConcurrentHashMap.newKeySet()).addAll(users);
    }

    public void remove(String chat, String user) {
        members.getOrDefault(chat, Set.of()).remove(user);
    }

    /** CheckMembership answers UNAVAILABLE for this user. */
    public void cannotCheck(String user) {
        uncheckableUsers.add(user);
    }

    @Override
    public void checkMembership(CheckMembershipRequest request, StreamObserver<CheckMembershipResponse> responses) {
        checks.incrementAndGet();
        if (uncheckableUsers.contains(request.getUserId())) {
            responses.onError(Status.UNAVAILABLE.withDescription("storage unavailable").asRuntimeException());
            return;
        }
        responses.onNext(CheckMembershipResponse.newBuilder().addAllMemberChatIds(request.getChatIdsList().stream()
                .filter(chat -> members.getOrDefault(chat, Set.of()).contains(request.getUserId())).toList()).build());
        responses.onCompleted();
    }
}
