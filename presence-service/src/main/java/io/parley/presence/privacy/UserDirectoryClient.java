package io.parley.presence.privacy;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.grpc.Status;
import io.parley.grpc.calls.UnaryCalls;
import io.parley.proto.user.v1.CheckBlockedRequest;
import io.parley.proto.user.v1.CheckBlockedResponse;
import io.parley.proto.user.v1.GetPrivacyRequest;
import io.parley.proto.user.v1.GetPrivacyResponse;
import io.parley.proto.user.v1.IsContactRequest;
import io.parley.proto.user.v1.IsContactResponse;
import io.parley.proto.user.v1.UserDirectoryGrpc;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * user-service's answers presence needs, each cached for a short time: a watcher list of 256 users would otherwise
 * cost user-service hundreds of calls per subscription. Failed calls are not cached.
 */
public class UserDirectoryClient {

    private record Pair(String user, String other) {
    }

    private final UserDirectoryGrpc.UserDirectoryStub stub;
    private final UserDirectorySettings settings;
    private final AsyncCache<String, LastSeenRule> rules;
    private final AsyncCache<Pair, Boolean> blocks;
    private final AsyncCache<Pair, Boolean> contacts;

    public UserDirectoryClient(UserDirectoryGrpc.UserDirectoryStub stub, UserDirectorySettings settings) {
        this.stub = stub;
        this.settings = settings;
        this.rules = cache(settings);
        this.blocks = cache(settings);
        this.contacts = cache(settings);
    }

    private static <K, V> AsyncCache<K, V> cache(UserDirectorySettings settings) {
        return Caffeine.newBuilder().expireAfterWrite(settings.cacheTtl()).maximumSize(settings.cacheSize()).buildAsync();
    }

    /** The user's last-seen rule; a user who does not exist shows nothing to anyone. */
    Mono<LastSeenRule> lastSeenRule(String userId) {
        GetPrivacyRequest request = GetPrivacyRequest.newBuilder().setUserId(userId).build();
        return cached(rules, userId, () -> UnaryCalls.<GetPrivacyResponse>mono(observer -> withDeadline().getPrivacy(request, observer))
                .map(response -> LastSeenRule.of(response.getLastSeen()))
                .onErrorResume(error -> Status.fromThrowable(error).getCode() == Status.Code.NOT_FOUND,
                        notFound -> Mono.just(LastSeenRule.NOBODY)));
    }

    /** Whether either user blocks the other. */
    Mono<Boolean> blockedEitherWay(String userId, String otherUserId) {
        CheckBlockedRequest request = CheckBlockedRequest.newBuilder().setUserId(userId).setTargetUserId(otherUserId).build();
        return cached(blocks, new Pair(userId, otherUserId),
                () -> UnaryCalls.<CheckBlockedResponse>mono(observer -> withDeadline().checkBlocked(request, observer))
                        .map(response -> response.getBlockedByTarget() || response.getBlocksTarget()));
    }

    /** Whether {@code contactUserId} is in {@code ownerUserId}'s contact list. */
    Mono<Boolean> isContact(String ownerUserId, String contactUserId) {
        IsContactRequest request = IsContactRequest.newBuilder().setUserId(ownerUserId).setContactUserId(contactUserId).build();
        return cached(contacts, new Pair(ownerUserId, contactUserId),
                () -> UnaryCalls.<IsContactResponse>mono(observer -> withDeadline().isContact(request, observer))
                        .map(IsContactResponse::getIsContact));
    }

    private static <K, V> Mono<V> cached(AsyncCache<K, V> cache, K key, Supplier<Mono<V>> call) {
        return Mono.fromFuture(() -> cache.get(key, (ignored, executor) -> call.get().toFuture()));
    }

    private UserDirectoryGrpc.UserDirectoryStub withDeadline() {
        return stub.withDeadlineAfter(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }
}
