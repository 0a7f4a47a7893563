package io.parley.user.auth;

import io.parley.user.error.ApiProblem;
import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Fixed-window counters in Redis, one per username and one per client address; every attempt counts,
 * successful or not, so guessing passwords costs the same whether the guesses are right. Losing Redis
 * loses only the counters.
 */
@Component
class LoginRateLimiter {

    /** Counts the attempt and returns {count, milliseconds until the window resets} in one round trip. */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> COUNT = RedisScript.of("""
            local count = redis.call('INCR', KEYS[1])
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
              ttl = tonumber(ARGV[1])
            end
            return {count, ttl}
            """, List.class);

    private final ReactiveStringRedisTemplate redis;
    private final LoginRateLimitSettings settings;

    LoginRateLimiter(ReactiveStringRedisTemplate redis, LoginRateLimitSettings settings) {
        this.redis = redis;
        this.settings = settings;
    }

    /** Counts one attempt; fails with 429 and Retry-After when either limit is exceeded. */
    Mono<Void> attempt(String username, String clientAddress) {
        return Mono.zip(count("login:user:" + username, settings.perUsername()),
                        count("login:address:" + clientAddress, settings.perAddress()))
                .flatMap(waits -> {
                    Duration wait = waits.getT1().compareTo(waits.getT2()) >= 0 ? waits.getT1() : waits.getT2();
                    return wait.isZero() ? Mono.empty() : Mono.error(ApiProblem.tooManyRequests(wait));
                });
    }

    /** Zero while within the limit, else how long until the window resets. */
    private Mono<Duration> count(String key, LoginRateLimitSettings.Limit limit) {
        return redis.execute(COUNT, List.of("rate:" + key), List.of(Long.toString(limit.window().toMillis())))
                .next()
                .map(result -> {
                    long count = ((Number) result.get(0)).longValue();
                    long millis = ((Number) result.get(1)).longValue();
                    return count <= limit.attempts() ? Duration.ZERO : Duration.ofMillis(Math.max(1000, millis));
                });
    }
}
