package io.parley.chat.send;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.parley.chat.error.ChatException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** send→sent latency (from the request's arrival to the answer) by outcome, and failed produces. */
public final class SendMetrics {

    private final MeterRegistry registry;
    private final Counter produceFailures;
    private final Map<String, Timer> latencyByOutcome = new ConcurrentHashMap<>();

    public SendMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.produceFailures = Counter.builder("parley.chat.send.produce.failures")
                .description("Sends whose MessageSubmitted Kafka did not acknowledge in time")
                .register(registry);
    }

    void produceFailed() {
        produceFailures.increment();
    }

    void answered(long startNanos, long endNanos, Throwable failure, boolean duplicate) {
        String outcome = failure == null ? (duplicate ? "duplicate" : "sent") : outcomeOf(failure);
        latencyByOutcome.computeIfAbsent(outcome, this::latencyTimer).record(endNanos - startNanos, TimeUnit.NANOSECONDS);
    }

    private Timer latencyTimer(String outcome) {
        return Timer.builder("parley.chat.send.latency")
                .description("Time from a Send call's arrival to its answer; 'sent' means Kafka acknowledged")
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofSeconds(15))
                .register(registry);
    }

    private static String outcomeOf(Throwable failure) {
        return ChatException.unwrap(failure) instanceof ChatException chat ? chat.reason().name().toLowerCase() : "error";
    }
}
