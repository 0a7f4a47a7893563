package io.parley.media.support;

import io.grpc.stub.StreamObserver;
import io.parley.doubles.DoubleServer;
import io.parley.proto.chat.v1.ChatMembershipGrpc;
import io.parley.proto.chat.v1.CheckMembershipRequest;
import io.parley.proto.chat.v1.CheckMembershipResponse;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for chat-service's ChatMembership that speaks the real gRPC contract over a real socket; tests say who
 * is in which chat ({@link #chatOf}), so group membership changes can be tested too ({@link #join}, {@link #leave}).
 */
public final class FakeChatMembership extends ChatMembershipGrpc.ChatMembershipImplBase {

    private static final FakeChatMembership INSTANCE = new FakeChatMembership();

    private final Map<String, Set<UUID>> members = new ConcurrentHashMap<>();
    private final DoubleServer server;

    private FakeChatMembership() {
        server = DoubleServer.serving("chat-service", this);
    }

    /** One per test JVM, like the other servers. */
    public static FakeChatMembership instance() {
        return INSTANCE;
    }

    public String address() {
        return server.address();
    }

    /** A new chat of {@code users}; its id. */
    public String chatOf(UUID... users) {
        String chatId = "g:" + UUID.randomUUID();
        members.put(chatId, ConcurrentHashMap.newKeySet());
        members.get(chatId).addAll(Set.of(users));
        return chatId;
    }

    public void leave(String chatId, UUID user) {
        members.get(chatId).remove(user);
    }

    /** Adds {@code user} to the chat, as a group's admin does. */
    public void join(String chatId, UUID user) {
        members.get(chatId).add(user);
    }

    @Override
    public void checkMembership(CheckMembershipRequest request, StreamObserver<CheckMembershipResponse> responses) {
        UUID user = UUID.fromString(request.getUserId());
        responses.onNext(CheckMembershipResponse.newBuilder()
                .addAllMemberChatIds(request.getChatIdsList().stream()
                        .filter(chat -> members.getOrDefault(chat, Set.of()).contains(user))
                        .toList())
                .build());
        responses.onCompleted();
    }
}
