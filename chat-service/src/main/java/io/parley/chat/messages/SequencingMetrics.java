package io.parley.chat.messages;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** How long a message takes from acceptance (send) to stored under its seq, and how records turned out. */
final class SequencingMetrics {

    private final Timer latency;
    private final Counter stored;
    private final Counter redelivered;
    private final Counter superseded;

    SequencingMetrics(MeterRegistry registry) {
        this.latency = Timer.builder("parley.chat.sequencing.latency")
                .description("From a message's acceptance by Send to its storage under a chat seq")
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        this.stored = records(registry, "stored");
        this.redelivered = records(registry, "redelivered");
        this.superseded = records(registry, "superseded");
    }

    private static Counter records(MeterRegistry registry, String outcome) {
        return Counter.builder("parley.chat.sequencing.records")
                .description("Records of topic messages by outcome: stored anew, re-delivered (kept their seq), "
                        + "superseded (a retry stored under another id)")
                .tag("outcome", outcome)
                .register(registry);
    }

    void stored(long acceptedAtMillis, long nowMillis) {
        stored.increment();
        latency.record(Math.max(0, nowMillis - acceptedAtMillis), TimeUnit.MILLISECONDS);
    }

    void redelivered() {
        redelivered.increment();
    }

    void superseded() {
        superseded.increment();
    }
}
