package io.parley.group.invites;

import io.parley.group.error.GroupException;
import io.parley.group.groups.GroupLimits;
import io.parley.proto.error.v1.ErrorReason;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;

/**
 * Join attempts by invite link per user in fixed windows (Redis {@code INCR} on a key that expires with its window).
 * Every attempt counts, valid token or not, so holding many accounts is the only way to try many tokens.
 * If Redis is down the join fails (STORAGE_UNAVAILABLE) rather than going unlimited.
 */
class JoinRateLimit {

    private final ReactiveStringRedisTemplate redis;
    private final GroupLimits limits;
    private final Clock clock;

    JoinRateLimit(ReactiveStringRedisTemplate redis, GroupLimits limits, Clock clock) {
        this.redis = redis;
        this.limits = limits;
        this.clock = clock;
    }

    /** Counts one attempt of {@code user}; RATE_LIMITED (metadata {@code retry_after_seconds}) beyond the limit. */
    Mono<Void> take(UUID user) {
        long windowMillis = limits.joinWindow().toMillis();
        long now = clock.millis();
        long window = now / windowMillis;
        String key = "parley:group:joins:{" + user + "}:" + window;
        return redis.opsForValue().increment(key)
                .flatMap(count -> count == 1
                        ? redis.expire(key, limits.joinWindow()).thenReturn(count)
                        : Mono.just(count))
                .onErrorMap(failure -> new GroupException(ErrorReason.STORAGE_UNAVAILABLE, "the rate limiter did not answer; retry"))
                .flatMap(count -> {
                    if (count <= limits.joinsPerWindow()) {
                        return Mono.<Void>empty();
                    }
                    long retryAfter = Math.max(1, ((window + 1) * windowMillis - now + 999) / 1000);
                    return Mono.error(new GroupException(ErrorReason.RATE_LIMITED, "too many joins by invite link; retry later",
                            Map.of("retry_after_seconds", Long.toString(retryAfter))));
                });
    }
}
