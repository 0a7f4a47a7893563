package io.parley.gateway.receipts;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of a connection's {@code read} and {@code ack} frames. Defaults live in application.yaml.
 *
 * @param readRatePerSecond sustained {@code read} frames per second; more are refused with {@code rate_limited}
 * @param readBurst {@code read} frames a connection may send at once after being quiet
 * @param ackCallsPerSecond sustained AckInbox calls per second for one connection; {@code ack} frames beyond it are
 *        never refused, they are merged into the next call
 * @param ackCallBurst AckInbox calls a connection may make at once after being quiet
 * @param ackLinger how long the first {@code ack} of a burst waits, so that the acks following it go in the same
 *        call; 0 sends at once
 */
@Validated
@ConfigurationProperties("parley.gateway.receipts")
public record ReceiptSettings(
        @Min(value = 1, message = "must be at least 1") int readRatePerSecond,
        @Min(value = 1, message = "must be at least 1") int readBurst,
        @Min(value = 1, message = "must be at least 1") int ackCallsPerSecond,
        @Min(value = 1, message = "must be at least 1") int ackCallBurst,
        @NotNull @DurationMin(millis = 0, message = "must not be negative")
        @DurationMax(seconds = 1, message = "must be at most 1s") Duration ackLinger) {
}
