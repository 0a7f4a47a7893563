package io.parley.gateway.receipts;

import io.parley.gateway.ratelimit.TokenBucket;
import java.time.Clock;

/** What one connection's receipts need: its {@code read} rate limit and its acks on their way to chat-service. */
public final class DeviceReceipts {

    private final TokenBucket reads;
    private final PendingAcks acks;

    public DeviceReceipts(Clock clock, ReceiptSettings settings) {
        this.reads = new TokenBucket(clock, settings.readRatePerSecond(), settings.readBurst());
        this.acks = new PendingAcks(new TokenBucket(clock, settings.ackCallsPerSecond(), settings.ackCallBurst()));
    }

    TokenBucket reads() {
        return reads;
    }

    PendingAcks acks() {
        return acks;
    }
}
