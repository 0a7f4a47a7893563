package io.parley.push.kafka;

import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * A batch whose listener failed is retried, with back-off, until it succeeds: its offsets are committed only after
 * its outcome, so no push request and no revocation is skipped. The listeners themselves skip what can never
 * succeed (malformed records), so only an unavailable dependency (Cassandra) fails a batch.
 */
@Configuration(proxyBeanMethods = false)
class ConsumerErrorHandling {

    private static final Duration FIRST_BACK_OFF = Duration.ofMillis(200);
    private static final Duration MAX_BACK_OFF = Duration.ofSeconds(10);

    @Bean
    DefaultErrorHandler consumerErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(FIRST_BACK_OFF.toMillis(), 2);
        backOff.setMaxInterval(MAX_BACK_OFF.toMillis());
        return new DefaultErrorHandler(backOff);
    }
}
