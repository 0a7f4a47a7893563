package io.parley.gateway.chat;

import io.parley.grpc.calls.UnaryCalls;
import io.parley.proto.chat.v1.ChatMembershipGrpc;
import io.parley.proto.chat.v1.CheckMembershipRequest;
import io.parley.proto.chat.v1.CheckMembershipResponse;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;

/** chat-service's ChatMembership.CheckMembership (chat_membership.proto): chat-service owns who is in a group. */
public class ChatMembershipClient {

    private final ChatMembershipGrpc.ChatMembershipStub stub;
    private final ChatServiceSettings settings;

    public ChatMembershipClient(ChatMembershipGrpc.ChatMembershipStub stub, ChatServiceSettings settings) {
        this.stub = stub;
        this.settings = settings;
    }

    /** Whether {@code userId} is a member of {@code chatId} now; fails if chat-service cannot answer. */
    public Mono<Boolean> isMember(String userId, String chatId) {
        CheckMembershipRequest request = CheckMembershipRequest.newBuilder().setUserId(userId).addChatIds(chatId).build();
        return UnaryCalls.<CheckMembershipResponse>mono(observer -> stub
                        .withDeadlineAfter(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .checkMembership(request, observer))
                .map(answer -> answer.getMemberChatIdsList().contains(chatId));
    }
}
