package io.parley.chat.users;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.grpc.Status;
import io.parley.chat.error.ChatException;
import io.parley.proto.error.v1.ErrorReason;
import io.parley.grpc.calls.UnaryCalls;
import io.parley.proto.user.v1.CheckBlockedRequest;
import io.parley.proto.user.v1.CheckBlockedResponse;
import io.parley.proto.user.v1.GetPrivacyRequest;
import io.parley.proto.user.v1.GetPrivacyResponse;
import io.parley.proto.user.v1.UserDirectoryGrpc;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * user-service's UserDirectory as chat-service needs it: may one user reach another (does the other exist, is
 * the pair blocked), does a user send read receipts.
 * Answers are cached for {@link UserDirectorySettings#cacheTtl()}; failed calls are not cached. A failure
 * surfaces as {@link ErrorReason#USER_DIRECTORY_UNAVAILABLE}, so callers decide whether to fail closed.
 */
public final class UserDirectoryClient {

    private static final long MAX_CACHED = 100_000;

    private final UserDirectoryGrpc.UserDirectoryStub stub;
    private final UserDirectorySettings settings;
    private final AsyncCache<Pair, CheckBlockedResponse> blocks;
    private final AsyncCache<String, Boolean> readReceipts;

    public UserDirectoryClient(UserDirectoryGrpc.UserDirectoryStub stub, UserDirectorySettings settings) {
        this.stub = stub;
        this.settings = settings;
        this.blocks = Caffeine.newBuilder().expireAfterWrite(settings.cacheTtl()).maximumSize(MAX_CACHED).buildAsync();
        this.readReceipts = Caffeine.newBuilder().expireAfterWrite(settings.cacheTtl()).maximumSize(MAX_CACHED).buildAsync();
    }

    /**
     * Whether {@code userId} may message {@code targetUserId}: one CheckBlocked call answers both "does the
     * target exist" and "does either block the other", and the answer is cached, so a send costs no extra call.
     */
    public CompletableFuture<Reach> reach(String userId, String targetUserId) {
        return blocks.get(new Pair(userId, targetUserId), (pair, executor) -> UnaryCalls.<CheckBlockedResponse>future(
                        observer -> withDeadline().checkBlocked(CheckBlockedRequest.newBuilder()
                                .setUserId(pair.userId()).setTargetUserId(pair.targetUserId()).build(), observer)))
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw unavailable(failure);
                    }
                    return Reach.of(response);
                });
    }

    /** Whether {@code userId} sends read receipts; a user the directory does not know sends none. */
    public CompletableFuture<Boolean> readReceiptsEnabled(String userId) {
        return readReceipts.get(userId, (id, executor) -> UnaryCalls.<GetPrivacyResponse>future(
                        observer -> withDeadline().getPrivacy(GetPrivacyRequest.newBuilder().setUserId(id).build(), observer))
                        .handle((response, failure) -> {
                            if (failure == null) {
                                return response.getReadReceipts();
                            }
                            if (Status.fromThrowable(failure).getCode() == Status.Code.NOT_FOUND) {
                                return false;
                            }
                            throw unavailable(failure);
                        }));
    }

    private UserDirectoryGrpc.UserDirectoryStub withDeadline() {
        return stub.withDeadlineAfter(settings.deadline().toMillis(), TimeUnit.MILLISECONDS);
    }

    private static ChatException unavailable(Throwable failure) {
        Throwable cause = ChatException.unwrap(failure);
        if (cause instanceof ChatException chat) {
            return chat;
        }
        return new ChatException(ErrorReason.USER_DIRECTORY_UNAVAILABLE, "the user directory cannot be reached; retry",
                Map.of("status", Status.fromThrowable(cause).getCode().name()), cause);
    }

    private record Pair(String userId, String targetUserId) {
    }
}
