package io.parley.user.profile;

import java.time.Duration;
import java.util.UUID;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Profiles are read on every message a client renders and by other services over gRPC, and change
 * rarely: cached in Redis, deleted on every change. The short TTL bounds staleness when a read that
 * started before an update writes the old value back after the delete. Redis trouble never fails a
 * read: the cache is skipped.
 */
@Component
class ProfileCache {

    private static final Duration TTL = Duration.ofMinutes(5);

    private final ReactiveStringRedisTemplate redis;
    private final JsonMapper json;

    ProfileCache(ReactiveStringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    Mono<Profile> get(UUID userId) {
        return redis.opsForValue().get(key(userId))
                .map(cached -> json.readValue(cached, Profile.class))
                .onErrorResume(failure -> Mono.empty());
    }

    Mono<Void> put(Profile profile) {
        return redis.opsForValue().set(key(profile.userId()), json.writeValueAsString(profile), TTL)
                .onErrorResume(failure -> Mono.just(false))
                .then();
    }

    /** Unlike reads, an eviction failure is reported: the caller must not claim success with a stale cache. */
    Mono<Void> evict(UUID userId) {
        return redis.delete(key(userId)).then();
    }

    private static String key(UUID userId) {
        return "profile:" + userId;
    }
}
