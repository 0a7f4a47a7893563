package io.parley.push.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.push.tokens.Platform;
import java.util.Locale;

/**
 * {@code parley.push.notifications{platform, outcome}}: one count per device and request, by final outcome
 * (delivered, token_removed, rejected, gave_up, already_sent, disabled), and {@code parley.push.retries{platform}};
 * {@code parley.push.requests.skipped{reason}} for requests that push nothing (expired, not_a_message, own_message,
 * malformed, collapsed: covered by a newer message's notification of the same chat in the same batch).
 */
class DeliveryMetrics {

    private final MeterRegistry registry;

    DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void outcome(Platform platform, String outcome) {
        Counter.builder("parley.push.notifications").tag("platform", platform.code()).tag("outcome", outcome)
                .register(registry).increment();
    }

    void retry(Platform platform) {
        Counter.builder("parley.push.retries").tag("platform", platform.code()).register(registry).increment();
    }

    void collapsed(int requests) {
        Counter.builder("parley.push.requests.skipped").tag("reason", "collapsed").register(registry).increment(requests);
    }

    /** {@code parley.push.clears{platform, outcome}}: per device and read: sent, unsupported, token_removed, failed. */
    void clear(Platform platform, String outcome) {
        Counter.builder("parley.push.clears").tag("platform", platform.code()).tag("outcome", outcome)
                .register(registry).increment();
    }

    void skipped(String reason) {
        Counter.builder("parley.push.requests.skipped").tag("reason", reason.toLowerCase(Locale.ROOT))
                .register(registry).increment();
    }
}
