package io.parley.chat.ids;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Leases one of the 1,024 Snowflake worker ids in Redis ({@code SET NX PX}), renews it periodically with a
 * check-and-extend script, and hands the id out only while the lease is certainly still ours: until
 * {@code lastRenewal + leaseTtl - safetyMargin}, measured on this process's monotonic clock from before the
 * renewal was sent. A lease found taken by someone else, or not renewed in time (Redis unreachable), stops
 * id issuing at once; the next maintenance round leases a fresh id. So two pods never issue ids with the
 * same worker id at the same time, and a crashed pod's id is reusable after one TTL.
 */
public final class WorkerIdLease implements SmartLifecycle {

    static final String KEY_PREFIX = "parley:chat:snowflake-worker:";
    private static final Logger log = LoggerFactory.getLogger(WorkerIdLease.class);
    private static final Duration REDIS_TIMEOUT = Duration.ofSeconds(2);
    /**
     * Extends the lease if it is still ours. A key that vanished (Redis lost it, or it expired while this pod
     * was stalled, in which case the pod already stopped issuing ids) is taken again: nobody else holds it.
     */
    private static final RedisScript<Long> RENEW_IF_OURS = RedisScript.of("""
            local holder = redis.call('GET', KEYS[1])
            if holder == ARGV[1] then
              return redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            if not holder then
              redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
              return 1
            end
            return 0
            """, Long.class);
    private static final RedisScript<Long> RELEASE_IF_OURS = RedisScript.of("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """, Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final IdSettings settings;
    private final String keyPrefix;
    private final int workerIds;
    private final LongSupplier nanoTime;
    private final String token = UUID.randomUUID().toString();
    private volatile Lease current;
    private volatile ScheduledExecutorService scheduler;

    public WorkerIdLease(ReactiveStringRedisTemplate redis, IdSettings settings) {
        this(redis, settings, KEY_PREFIX, Snowflake.MAX_WORKER_ID + 1, System::nanoTime);
    }

    WorkerIdLease(ReactiveStringRedisTemplate redis, IdSettings settings, String keyPrefix, int workerIds,
            LongSupplier nanoTime) {
        this.redis = redis;
        this.settings = settings;
        this.keyPrefix = keyPrefix;
        this.workerIds = workerIds;
        this.nanoTime = nanoTime;
    }

    /** The leased worker id; throws {@link IdUnavailableException} while there is no valid lease. */
    public int workerId() {
        Lease lease = current;
        if (lease == null || nanoTime.getAsLong() - lease.validUntilNanos() > 0) {
            throw new IdUnavailableException("no valid Snowflake worker id lease");
        }
        return lease.workerId();
    }

    /** One maintenance round: lease an id if we have none, renew it otherwise. Never throws. */
    void maintain() {
        try {
            Lease lease = current;
            if (lease == null) {
                acquire();
            } else {
                renew(lease);
            }
        } catch (RuntimeException e) {
            log.warn("Snowflake worker id lease maintenance failed: {}", e.toString());
        }
    }

    private void acquire() {
        long start = nanoTime.getAsLong();
        int offset = ThreadLocalRandom.current().nextInt(workerIds);
        for (int i = 0; i < workerIds; i++) {
            int workerId = (offset + i) % workerIds;
            if (Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key(workerId), token, settings.leaseTtl())
                    .block(REDIS_TIMEOUT))) {
                current = new Lease(workerId, validUntil(start));
                log.info("Leased Snowflake worker id {}", workerId);
                return;
            }
        }
        log.error("All {} Snowflake worker ids are leased; sends fail until one is free", workerIds);
    }

    private void renew(Lease lease) {
        long start = nanoTime.getAsLong();
        Long renewed = redis.execute(RENEW_IF_OURS, List.of(key(lease.workerId())),
                List.of(token, Long.toString(settings.leaseTtl().toMillis()))).blockFirst(REDIS_TIMEOUT);
        if (renewed != null && renewed == 1L) {
            current = new Lease(lease.workerId(), validUntil(start));
        } else {
            current = null;
            log.error("Lost the lease of Snowflake worker id {}; leasing another", lease.workerId());
            acquire();
        }
    }

    private long validUntil(long startNanos) {
        return startNanos + settings.leaseTtl().minus(settings.safetyMargin()).toNanos();
    }

    String key(int workerId) {
        return keyPrefix + workerId;
    }

    @Override
    public void start() {
        maintain();
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "snowflake-lease");
            thread.setDaemon(true);
            return thread;
        });
        long interval = settings.renewInterval().toMillis();
        executor.scheduleWithFixedDelay(this::maintain, interval, interval, TimeUnit.MILLISECONDS);
        scheduler = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = scheduler;
        if (executor != null) {
            executor.shutdownNow();
            scheduler = null;
        }
        Lease lease = current;
        current = null;
        if (lease != null) {
            try {
                redis.execute(RELEASE_IF_OURS, List.of(key(lease.workerId())), List.of(token)).blockFirst(REDIS_TIMEOUT);
            } catch (RuntimeException e) {
                log.warn("Could not release Snowflake worker id {}; it frees itself after the lease TTL", lease.workerId());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /**
     * Leased after Redis connects (phase 0) and before the gRPC server and the Kafka listeners start; released
     * after they stopped and before Redis disconnects.
     */
    @Override
    public int getPhase() {
        return 100;
    }

    private record Lease(int workerId, long validUntilNanos) {
    }
}
