package io.parley.chat.send;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The send path.
 *
 * @param dedupWindow  how long a (sender, client_msg_id) keeps answering with the same message id
 * @param kafkaTimeout the longest a send waits for the broker's acknowledgement (Kafka's delivery.timeout.ms)
 *                     before the client gets UNAVAILABLE / KAFKA_UNAVAILABLE
 */
@Validated
@ConfigurationProperties("parley.chat.send")
public record SendSettings(
        @DefaultValue("24h") @NotNull(message = "must be a duration, e.g. 24h") Duration dedupWindow,
        @DefaultValue("8s") @NotNull(message = "must be a duration, e.g. 8s") Duration kafkaTimeout) {

    @AssertTrue(message = "dedup-window must be at least 1m")
    public boolean isDedupWindowLongEnough() {
        return dedupWindow == null || dedupWindow.compareTo(Duration.ofMinutes(1)) >= 0;
    }

    @AssertTrue(message = "kafka-timeout must be between 2s and 60s")
    public boolean isKafkaTimeoutBounded() {
        return kafkaTimeout == null
                || (kafkaTimeout.compareTo(Duration.ofSeconds(2)) >= 0 && kafkaTimeout.compareTo(Duration.ofSeconds(60)) <= 0);
    }
}
