package io.parley.gateway.typing;

import io.parley.gateway.ratelimit.TokenBucket;

/** What one connection's typing needs: its rate limit. */
public final class DeviceTyping {

    private final TokenBucket rateLimit;

    public DeviceTyping(TokenBucket rateLimit) {
        this.rateLimit = rateLimit;
    }

    boolean tryAcquire() {
        return rateLimit.tryAcquire();
    }
}
