package io.parley.connections;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The connection registry: user, device, gateway instance. Entries expire unless their gateway keeps
 * refreshing them, so a gateway that dies leaves nothing behind for longer than one TTL. The
 * registry is a routing hint only: a stale or missing entry degrades delivery to sync, never loses
 * a message, because the inbox in Cassandra is the source of truth.
 */
public final class ConnectionRegistry {

    /** Deletes the device entry only if it still names this connection (a newer one may have replaced it). */
    private static final RedisScript<Long> REMOVE_IF_OURS = RedisScript.of("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              redis.call('DEL', KEYS[1])
              redis.call('SREM', KEYS[2], ARGV[2])
              return 1
            end
            return 0
            """, Long.class);

    /**
     * Extends the device entry if it still names this connection, or re-creates it if it vanished (Redis lost it);
     * leaves a newer connection's entry alone.
     */
    private static final RedisScript<Long> REFRESH_IF_OURS = RedisScript.of("""
            local current = redis.call('GET', KEYS[1])
            if current and current ~= ARGV[1] then
              return 0
            end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
            redis.call('SADD', KEYS[2], ARGV[2])
            redis.call('PEXPIRE', KEYS[2], ARGV[3])
            return 1
            """, Long.class);

    /**
     * The user's devices with a live entry as [deviceId, location, ...], pruning index members whose entry expired:
     * one round trip where SMEMBERS then MGET took two. The device keys share the index's hash tag, so they live in
     * its cluster slot; their common prefix comes from Java (RegistryKeys), not from the script.
     */
    private static final RedisScript<List> ONLINE_DEVICES = RedisScript.of("""
            local ids = redis.call('SMEMBERS', KEYS[1])
            local online = {}
            local expired = {}
            for _, id in ipairs(ids) do
              local location = redis.call('GET', ARGV[1] .. id)
              if location then
                online[#online + 1] = id
                online[#online + 1] = location
              else
                expired[#expired + 1] = id
              end
            end
            if #expired > 0 then
              redis.call('SREM', KEYS[1], unpack(expired))
            end
            return online
            """, List.class);

    private final ReactiveStringRedisTemplate redis;
    private final Duration entryTtl;

    public ConnectionRegistry(ReactiveStringRedisTemplate redis, Duration entryTtl) {
        if (entryTtl.isNegative() || entryTtl.isZero()) {
            throw new IllegalArgumentException("entryTtl must be positive");
        }
        this.redis = redis;
        this.entryTtl = entryTtl;
    }

    /** Registers or refreshes a connection; a device's newer connection replaces its older entry. */
    public Mono<Void> register(DeviceLocation location) {
        String index = RegistryKeys.index(location.userId());
        return redis.opsForValue().set(RegistryKeys.device(location.userId(), location.deviceId()),
                        location.encodedLocation(), entryTtl)
                .then(redis.opsForSet().add(index, location.deviceId()))
                .then(redis.expire(index, entryTtl))
                .then();
    }

    /**
     * Refreshes a connection's entry: true if the entry is (again) this connection's, false if a newer connection
     * of the device replaced it, in which case this connection should close.
     */
    public Mono<Boolean> refresh(DeviceLocation location) {
        return redis.execute(REFRESH_IF_OURS,
                        List.of(RegistryKeys.device(location.userId(), location.deviceId()), RegistryKeys.index(location.userId())),
                        List.of(location.encodedLocation(), location.deviceId(), Long.toString(entryTtl.toMillis())))
                .next()
                .map(refreshed -> refreshed == 1L);
    }

    /** Removes the entry if it is still this connection's; true if it was. */
    public Mono<Boolean> remove(DeviceLocation location) {
        return redis.execute(REMOVE_IF_OURS,
                        List.of(RegistryKeys.device(location.userId(), location.deviceId()), RegistryKeys.index(location.userId())),
                        List.of(location.encodedLocation(), location.deviceId()))
                .next()
                .map(removed -> removed == 1L);
    }

    /** The user's devices with a live entry; index members whose entry expired are pruned. */
    public Flux<DeviceLocation> onlineDevices(String userId) {
        return redis.execute(ONLINE_DEVICES, List.of(RegistryKeys.index(userId)), List.of(RegistryKeys.device(userId, "")))
                .flatMapIterable(pairs -> {
                    List<DeviceLocation> online = new ArrayList<>(pairs.size() / 2);
                    for (int i = 0; i + 1 < pairs.size(); i += 2) {
                        online.add(DeviceLocation.decode(userId, (String) pairs.get(i), (String) pairs.get(i + 1)));
                    }
                    return online;
                });
    }

    /** Announces (and refreshes) where a gateway instance accepts Delivery calls. */
    public Mono<Void> announceGateway(GatewayAddress address, Duration ttl) {
        return redis.opsForValue().set(RegistryKeys.gateway(address.gatewayId()), address.encoded(), ttl).then();
    }

    /** Where a gateway instance is, or empty if it stopped announcing itself. */
    public Mono<GatewayAddress> gateway(String gatewayId) {
        return redis.opsForValue().get(RegistryKeys.gateway(gatewayId))
                .map(encoded -> GatewayAddress.decode(gatewayId, encoded));
    }

    public Mono<Void> withdrawGateway(String gatewayId) {
        return redis.delete(RegistryKeys.gateway(gatewayId)).then();
    }
}
