package io.parley.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The gateway's meters. Counters for every frame type are registered up front, so counting a frame is a map
 * lookup, not a registry lookup.
 */
@Component
public class GatewayMetrics {

    /** The inbound "type" of a frame that arrived after the connection started to end: read, not handled. */
    public static final String IGNORED = "ignored";
    private static final List<String> INBOUND_TYPES = List.of("send", "ack", "read", "sync", "ping", "typing",
            "subscribe_presence", "unsubscribe_presence", "open_chat", "close_chat", "invalid", IGNORED);
    private static final List<String> OUTBOUND_TYPES =
            List.of("hello", "sent", "message", "receipt", "synced", "error", "pong", "reconnect");

    private final MeterRegistry registry;
    private final Map<String, Counter> framesIn;
    private final Map<String, Counter> framesOut;
    private final Timer sendLatency;

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.framesIn = counters("parley.gateway.frames.in", "Frames received from devices", INBOUND_TYPES);
        this.framesOut = counters("parley.gateway.frames.out", "Frames queued for devices", OUTBOUND_TYPES);
        this.sendLatency = Timer.builder("parley.gateway.send.latency")
                .description("From a send frame's arrival to its sent (durable) or error answer")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    public void connectionsGauge(Supplier<Number> openConnections) {
        Gauge.builder("parley.gateway.connections", openConnections).description("Open device connections")
                .register(registry);
    }

    public void frameIn(String type) {
        Counter counter = framesIn.get(type);
        (counter != null ? counter : framesIn.get("invalid")).increment();
    }

    public void frameOut(String type) {
        Counter counter = framesOut.get(type);
        if (counter != null) {
            counter.increment();
        }
    }

    public void sendAnswered(long startedNanos, long endedNanos) {
        sendLatency.record(Duration.ofNanos(endedNanos - startedNanos));
    }

    private Map<String, Counter> counters(String name, String description, List<String> types) {
        Map<String, Counter> counters = new java.util.HashMap<>();
        for (String type : types) {
            counters.put(type, Counter.builder(name).description(description).tag("type", type).register(registry));
        }
        return Map.copyOf(counters);
    }
}
