package io.parley.user.ratelimit;

import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Fixed-window attempt counters in Redis. Every attempt counts, allowed or not, and losing Redis loses only the
 * counters.
 */
@Component
public class FixedWindowCounters {

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

    FixedWindowCounters(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Counts one attempt on {@code key}: zero while within the limit, else how long until the window resets. */
    public Mono<Duration> count(String key, RateLimit limit) {
        return redis.execute(COUNT, List.of("rate:" + key), List.of(Long.toString(limit.window().toMillis())))
                .next()
                .map(result -> {
                    long count = ((Number) result.get(0)).longValue();
                    long millis = ((Number) result.get(1)).longValue();
                    return count <= limit.attempts() ? Duration.ZERO : Duration.ofMillis(Math.max(1000, millis));
                });
    }
}
