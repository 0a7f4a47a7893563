package io.parley.gateway.typing;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.parley.gateway.auth.UserDirectoryClient;
import io.parley.proto.user.v1.CheckBlockedResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * user-service's block answers for typing pairs, cached: a user typing sends a frame every 3 s, and asking each time
 * would cost user-service one call per frame. A failed call is not cached.
 */
@Component
class Blocks {

    private record Pair(String from, String to) {
    }

    private final UserDirectoryClient directory;
    private final AsyncCache<Pair, Reach> answers;

    Blocks(UserDirectoryClient directory, TypingSettings settings) {
        this.directory = directory;
        this.answers = Caffeine.newBuilder().expireAfterWrite(settings.blockCacheTtl())
                .maximumSize(settings.blockCacheSize()).buildAsync();
    }

    Mono<Reach> reach(String from, String to) {
        return Mono.fromFuture(() -> answers.get(new Pair(from, to),
                (pair, executor) -> directory.checkBlocked(from, to).map(Blocks::reach).toFuture()));
    }

    private static Reach reach(CheckBlockedResponse answer) {
        if (answer.getTargetUnknown()) {
            return Reach.UNKNOWN_USER;
        }
        return answer.getBlockedByTarget() || answer.getBlocksTarget() ? Reach.BLOCKED : Reach.OPEN;
    }
}
