package io.parley.chat.send;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;

/**
 * Per-sender dedup of client_msg_id in Redis for the dedup window. The first send claims the key with a
 * PENDING entry ({@code SET NX}) before producing, and marks it DONE after Kafka's acknowledgement. The
 * sender's id is the key's hash tag, so one sender's keys share a cluster slot.
 */
public final class SendDedup {

    private static final Duration REDIS_TIMEOUT = Duration.ofSeconds(2);

    private final ReactiveStringRedisTemplate redis;
    private final Duration window;

    public SendDedup(ReactiveStringRedisTemplate redis, Duration window) {
        this.redis = redis;
        this.window = window;
    }

    /** Claims the key for {@code candidate}; if it is taken, the entry already there. */
    public CompletableFuture<Claim> claim(String senderUserId, String clientMsgId, DedupEntry candidate) {
        String key = key(senderUserId, clientMsgId);
        return redis.opsForValue().setIfAbsent(key, candidate.encode(), window)
                .flatMap(claimed -> claimed
                        ? Mono.just(new Claim(candidate, true))
                        : redis.opsForValue().get(key).map(value -> new Claim(DedupEntry.decode(value), false)))
                .switchIfEmpty(Mono.defer(() -> Mono.error(new IllegalStateException("dedup key expired while read"))))
                .timeout(REDIS_TIMEOUT)
                .retry(1)
                .toFuture();
    }

    /** Records that Kafka acknowledged the entry's message; only overwrites a key that still exists. */
    public CompletableFuture<Boolean> markDone(String senderUserId, String clientMsgId, DedupEntry entry) {
        return redis.opsForValue().setIfPresent(key(senderUserId, clientMsgId), entry.done().encode(), window)
                .timeout(REDIS_TIMEOUT)
                .toFuture();
    }

    static String key(String senderUserId, String clientMsgId) {
        return "parley:chat:dedup:{" + senderUserId + "}:" + clientMsgId;
    }

    /** @param ours whether this call created the entry (it is then the candidate) */
    public record Claim(DedupEntry entry, boolean ours) {
    }
}
