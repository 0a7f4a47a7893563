package io.parley.gateway.send;

import java.time.Clock;

/** What one connection's sends need: its rate limit and the order of its sends per chat. */
public final class DeviceSends {

    private final TokenBucket rateLimit;
    private final SendOrder order = new SendOrder();

    public DeviceSends(Clock clock, int ratePerSecond, int burst) {
        this.rateLimit = new TokenBucket(clock, ratePerSecond, burst);
    }

    TokenBucket rateLimit() {
        return rateLimit;
    }

    SendOrder order() {
        return order;
    }
}
