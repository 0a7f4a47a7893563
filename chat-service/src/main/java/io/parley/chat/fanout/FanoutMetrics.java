package io.parley.chat.fanout;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/** {@code parley.chat.fanout.deliveries{outcome}}: live deliveries per device, and push requests per user. */
final class FanoutMetrics {

    private final Map<FanoutOutcome, Counter> counters = new EnumMap<>(FanoutOutcome.class);

    FanoutMetrics(MeterRegistry registry) {
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
}
