package io.parley.gateway.ratelimit;

import java.time.Clock;

/** A token bucket: {@code ratePerSecond} tokens a second, at most {@code burst} saved up. Thread-safe. */
public final class TokenBucket {

    private final Clock clock;
    private final double tokensPerMilli;
    private final double capacity;
    private double tokens;
    private long refilledAtMillis;

    public TokenBucket(Clock clock, int ratePerSecond, int burst) {
        if (ratePerSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("ratePerSecond and burst must be positive");
        }
        this.clock = clock;
        this.tokensPerMilli = ratePerSecond / 1000.0;
        this.capacity = burst;
        this.tokens = burst;
        this.refilledAtMillis = clock.millis();
    }

    /** Takes one token if there is one. */
    public synchronized boolean tryAcquire() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** How long until a token is there: 0 when there is one now. */
    public synchronized long millisUntilToken() {
        refill();
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / tokensPerMilli);
    }

    /** Whether the bucket has saved up its whole burst: forgetting it would change nothing. */
    public synchronized boolean isFull() {
        refill();
        return tokens >= capacity;
    }

    private void refill() {
        long now = clock.millis();
        // A clock that steps back refills nothing rather than draining the bucket.
        long elapsed = Math.max(0, now - refilledAtMillis);
        tokens = Math.min(capacity, tokens + elapsed * tokensPerMilli);
        refilledAtMillis = now;
    }
}
