package io.parley.presence.live;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Who is online, in Redis, and the debounce that keeps a quick reconnect invisible. Each transition is one Lua
 * script, so two presence-service instances (or two gateways reporting one user) never interleave inside it:
 * <ul>
 *   <li>a user goes <em>online</em> (published at once) when their first connection opens, unless they were only
 *       <em>pending offline</em>, in which case nothing changed for anyone;</li>
 *   <li>when their last connection closes they become pending offline until {@code now + grace}; only then
 *       ({@link #finishDueOfflines}) is the offline published, with the last seen of the moment the last connection
 *       closed. A user who flaps faster than the grace is reported at most once per grace period.</li>
 * </ul>
 * Time comes from the injected clock, passed into the scripts, so the debounce is testable at chosen times.
 */
public final class LiveState {

    private static final RedisScript<Long> OPEN = RedisScript.of("""
            redis.call('SADD', KEYS[1], ARGV[1])
            redis.call('SADD', KEYS[4], ARGV[2])
            if redis.call('ZREM', KEYS[3], ARGV[3]) == 1 then
              redis.call('HDEL', KEYS[2], 'offline_since')
              return 0
            end
            if redis.call('HGET', KEYS[2], 'online') == '1' then
              return 0
            end
            redis.call('HSET', KEYS[2], 'online', '1')
            redis.call('PUBLISH', ARGV[4], '1|' .. (redis.call('HGET', KEYS[2], 'last_seen') or '0'))
            return 1
            """, Long.class);

    private static final RedisScript<Long> CLOSE = RedisScript.of("""
            local removed = redis.call('SREM', KEYS[1], ARGV[1])
            redis.call('SREM', KEYS[4], ARGV[2])
            if removed == 0 or redis.call('SCARD', KEYS[1]) > 0 or redis.call('HGET', KEYS[2], 'online') ~= '1' then
              return 0
            end
            redis.call('HSET', KEYS[2], 'offline_since', ARGV[4])
            redis.call('ZADD', KEYS[3], ARGV[5], ARGV[3])
            return 1
            """, Long.class);

    /** Returns the last seen it published, or '' if the user is not (or no longer) due. */
    private static final RedisScript<String> FINISH_OFFLINE = RedisScript.of("""
            local due = redis.call('ZSCORE', KEYS[3], ARGV[1])
            if not due or tonumber(due) > tonumber(ARGV[3]) then
              return ''
            end
            redis.call('ZREM', KEYS[3], ARGV[1])
            if redis.call('SCARD', KEYS[1]) > 0 then
              return ''
            end
            local since = redis.call('HGET', KEYS[2], 'offline_since') or ARGV[3]
            redis.call('HSET', KEYS[2], 'online', '0', 'last_seen', since)
            redis.call('HDEL', KEYS[2], 'offline_since')
            redis.call('PUBLISH', ARGV[2], '0|' .. since)
            return since
            """, String.class);

    /** Renews a gateway's liveness; 1 if presence-service knew the gateway, 0 if it must resend everything. */
    private static final RedisScript<Long> ALIVE = RedisScript.of("""
            local known = redis.call('ZSCORE', KEYS[1], ARGV[1])
            redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
            if known then
              return 1
            end
            return 0
            """, Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final Clock clock;
    private final Duration grace;

    public LiveState(ReactiveStringRedisTemplate redis, Clock clock, Duration grace) {
        this.redis = redis;
        this.clock = clock;
        this.grace = grace;
    }

    /** Records an open connection; true if the user went online (and that was published). */
    public Mono<Boolean> open(OpenConnection connection) {
        return run(OPEN, connection, PresenceKeys.channel(connection.userId()), "").map(changed -> changed == 1L);
    }

    /** Records a connection that closed now; true if it was the user's last, so they are now pending offline. */
    public Mono<Boolean> close(OpenConnection connection) {
        return close(connection, Duration.ZERO);
    }

    /**
     * Records a connection that closed {@code ago} (as its gateway reported it): the user's last seen and the end of
     * their grace count from the close. {@code ago} is capped at the grace, so a late report still leaves a
     * reconnect on another gateway no window to be missed in.
     */
    public Mono<Boolean> close(OpenConnection connection, Duration ago) {
        long closedAt = clock.millis() - Math.max(0, Math.min(ago.toMillis(), grace.toMillis()));
        return run(CLOSE, connection, Long.toString(closedAt), Long.toString(closedAt + grace.toMillis()))
                .map(pending -> pending == 1L);
    }

    private <T> Mono<T> run(RedisScript<T> script, OpenConnection connection, String argument, String another) {
        return redis.execute(script,
                List.of(PresenceKeys.connections(connection.userId()), PresenceKeys.state(connection.userId()),
                        PresenceKeys.PENDING_OFFLINE, PresenceKeys.gateway(connection.gatewayId())),
                List.of(connection.userMember(), connection.gatewayMember(), connection.userId(), argument, another))
                .next();
    }

    /** Publishes the offline of every user whose grace ran out; emits each as it goes offline, with its last seen. */
    public Flux<WentOffline> finishDueOfflines(int max) {
        long now = clock.millis();
        return whole(redis.opsForZSet()
                .rangeByScore(PresenceKeys.PENDING_OFFLINE, Range.closed(Double.NEGATIVE_INFINITY, (double) now),
                        Limit.limit().count(max)))
                .concatMap(userId -> redis.execute(FINISH_OFFLINE,
                                List.of(PresenceKeys.connections(userId), PresenceKeys.state(userId), PresenceKeys.PENDING_OFFLINE),
                                List.of(userId, PresenceKeys.channel(userId), Long.toString(now)))
                        .next()
                        .filter(lastSeen -> !lastSeen.isEmpty())
                        .map(lastSeen -> new WentOffline(userId, Long.parseLong(lastSeen))));
    }

    /** Renews a gateway's liveness until {@code now + ttl}; false if presence-service held nothing for it. */
    public Mono<Boolean> alive(String gatewayId, Duration ttl) {
        return redis.execute(ALIVE, List.of(PresenceKeys.GATEWAYS),
                        List.of(gatewayId, Long.toString(clock.millis() + ttl.toMillis())))
                .next()
                .map(known -> known == 1L);
    }

    /** Closes every connection the gateway held that it does not list (a complete report). */
    public Mono<Void> closeAllExcept(String gatewayId, Set<OpenConnection> listed) {
        return whole(redis.opsForSet().members(PresenceKeys.gateway(gatewayId)))
                .mapNotNull(member -> OpenConnection.fromGatewayMember(gatewayId, member))
                .filter(held -> !listed.contains(held))
                .concatMap(this::close)
                .then();
    }

    /**
     * Declares the gateways whose liveness ran out dead: their connections close (with the usual grace). Of several
     * presence-service instances, the one whose ZREM succeeds does it. Emits the gateways declared dead.
     */
    public Flux<String> reapDeadGateways(int max) {
        long now = clock.millis();
        return whole(redis.opsForZSet()
                .rangeByScore(PresenceKeys.GATEWAYS, Range.closed(Double.NEGATIVE_INFINITY, (double) now),
                        Limit.limit().count(max)))
                .concatMap(gatewayId -> redis.opsForZSet().remove(PresenceKeys.GATEWAYS, gatewayId)
                        .filter(removed -> removed == 1L)
                        .flatMap(won -> closeAllExcept(gatewayId, Set.of())
                                .then(redis.delete(PresenceKeys.gateway(gatewayId)))
                                .thenReturn(gatewayId)));
    }

    /**
     * The whole reply before anything is done with it. Lettuce stops reading the (shared) connection while a
     * many-element reply has no demand left, so a command issued from inside such a stream would wait for a reply
     * that is never read, and every command on the connection would time out (the stall the presence bench found).
     */
    private static Flux<String> whole(Flux<String> reply) {
        return reply.collectList().flatMapIterable(all -> all);
    }

    /** What subscribers were last told about a user, or empty if Redis knows nothing of them. */
    public Mono<LiveView> view(String userId) {
        return redis.<String, String>opsForHash().multiGet(PresenceKeys.state(userId), List.of("online", "last_seen"))
                .map(values -> new LiveView("1".equals(values.get(0)),
                        values.get(1) == null ? null : Long.parseLong(values.get(1))));
    }

    /** A user whose offline was published, and the last seen it carried. */
    public record WentOffline(String userId, long lastSeenEpochMillis) {
    }

    /** {@code lastSeenEpochMillis} is null when Redis has none (never offline since Redis started, or lost). */
    public record LiveView(boolean online, Long lastSeenEpochMillis) {
    }
}
