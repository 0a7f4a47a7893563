package io.parley.chat.fanout;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.parley.proto.chat.v1.InboxEntry;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code parley.chat.fanout.deliveries{outcome}}: live deliveries per device, and push requests per user;
 * {@code parley.chat.fanout.latency}: from a message's acceptance by Send to a gateway queuing it for a device.
 */
final class FanoutMetrics {

    private final Map<FanoutOutcome, Counter> counters = new EnumMap<>(FanoutOutcome.class);
    private final Timer latency;
    private final Clock clock;

    FanoutMetrics(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.latency = Timer.builder("parley.chat.fanout.latency")
                .description("From a message's acceptance by Send to a gateway queuing it on a device's connection")
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        for (FanoutOutcome outcome : FanoutOutcome.values()) {
            counters.put(outcome, Counter.builder("parley.chat.fanout.deliveries")
                    .description("Fan-out of inbox entries: per device for live deliveries, per user for push")
                    .tag("outcome", outcome.tag())
                    .register(registry));
        }
    }

    void count(FanoutOutcome outcome) {
        counters.get(outcome).increment();
    }

    void queued(List<InboxEntry> entries) {
        long now = clock.millis();
        for (InboxEntry entry : entries) {
            if (entry.hasMessage()) {
                latency.record(Math.max(0, now - entry.getMessage().getSentAtEpochMillis()), TimeUnit.MILLISECONDS);
            }
        }
    }
}
