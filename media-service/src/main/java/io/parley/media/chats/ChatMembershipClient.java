package io.parley.media.chats;

import io.parley.grpc.calls.UnaryCalls;
import io.parley.media.error.MediaException;
import io.parley.proto.chat.v1.CheckMembershipRequest;
import io.parley.proto.chat.v1.CheckMembershipResponse;
import io.parley.proto.chat.v1.ChatMembershipGrpc;
import io.parley.proto.error.v1.ErrorReason;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * chat-service's ChatMembership (chat_membership.proto): chat-service owns who is in a chat, so media-service asks
 * instead of parsing chat ids itself. Not cached: a member who leaves a group must lose access to its media. A
 * failed call fails the decision closed (STORAGE_UNAVAILABLE, retriable).
 */
public final class ChatMembershipClient {

    private static final Logger log = LoggerFactory.getLogger(ChatMembershipClient.class);

    /** chat_membership.proto's limit per call. */
    static final int MAX_CHATS_PER_CALL = 100;

    private final ChatMembershipGrpc.ChatMembershipStub stub;
    private final ChatMembershipSettings settings;

    public ChatMembershipClient(ChatMembershipGrpc.ChatMembershipStub stub, ChatMembershipSettings settings) {
        this.stub = stub;
        this.settings = settings;
    }

    /** The chats of {@code chatIds} that {@code userId} is a member of now. */
    public Mono<Set<String>> memberOf(UUID userId, Collection<String> chatIds) {
        List<String> all = List.copyOf(chatIds);
        return Flux.range(0, (all.size() + MAX_CHATS_PER_CALL - 1) / MAX_CHATS_PER_CALL)
                .map(batch -> all.subList(batch * MAX_CHATS_PER_CALL, Math.min(all.size(), (batch + 1) * MAX_CHATS_PER_CALL)))
                .concatMap(batch -> call(userId, batch))
                .flatMapIterable(CheckMembershipResponse::getMemberChatIdsList)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Whether {@code userId} is a member of {@code chatId}. */
    public Mono<Boolean> isMember(UUID userId, String chatId) {
        return memberOf(userId, List.of(chatId)).map(chats -> chats.contains(chatId));
    }

    private Mono<CheckMembershipResponse> call(UUID userId, List<String> chatIds) {
        CheckMembershipRequest request = CheckMembershipRequest.newBuilder()
                .setUserId(userId.toString()).addAllChatIds(chatIds).build();
        return UnaryCalls.<CheckMembershipResponse>mono(observer -> stub
                        .withDeadlineAfter(settings.deadline().toMillis(), TimeUnit.MILLISECONDS)
                        .checkMembership(request, observer))
                .onErrorMap(failure -> !(failure instanceof MediaException), failure -> {
                    log.warn("ChatMembership call failed: {}", failure.toString());
                    return new MediaException(ErrorReason.STORAGE_UNAVAILABLE, "chat membership cannot be checked now; retry");
                });
    }
}
