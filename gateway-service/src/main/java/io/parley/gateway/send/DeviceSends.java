package io.parley.gateway.send;

import io.parley.gateway.ratelimit.TokenBucket;

/**
 * What one connection's sends need: its device's rate limit (shared by the device's connections on this gateway, so
 * reconnecting does not refill it) and the order of this connection's sends per chat.
 */
public final class DeviceSends {

    private final TokenBucket rateLimit;
    private final SendOrder order = new SendOrder();

    public DeviceSends(TokenBucket rateLimit) {
        this.rateLimit = rateLimit;
    }

    /** Whether the device may send one more message now (takes it from the limit). */
    public boolean tryAcquireSend() {
        return rateLimit.tryAcquire();
    }

    SendOrder order() {
        return order;
    }
}
