package io.parley.push.delivery;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How push requests are delivered.
 *
 * @param timeToLive     how long a platform keeps trying to reach an offline device (APNs expiry, FCM ttl, Web Push
 *                       TTL), counted from the request; a request older than this is dropped unsent
 * @param firstBackOff   the first wait after a 429 / 5xx / connection failure, doubled per attempt
 * @param maxBackOff     the longest wait between two attempts; a Retry-After beyond it gives the push up
 * @param maxAttempts    sends per device and request, the first included
 * @param concurrency    push requests of one batch delivered at the same time
 * @param batchDeadline  how long one batch may take (retries included) before it fails and is retried whole;
 *                       below the consumer's max.poll.interval.ms
 * @param sentMarkerTtl  how long "this message was pushed to this device" is remembered, so a request replayed
 *                       after a crash is not pushed twice; at least the push-requests retention
 * @param collapseWindow after a push of a chat to a user, how long further messages of the chat are held and then
 *                       pushed as one notification with their count (at most one push per chat and device per
 *                       window); zero pushes every batch at once
 */
@Validated
@ConfigurationProperties("parley.push.delivery")
public record DeliverySettings(
        @DefaultValue("1d") @NotNull @DurationMin(seconds = 1, message = "must be at least 1s")
        @DurationMax(days = 28, message = "must be at most 28d") Duration timeToLive,
        @DefaultValue("500ms") @NotNull @DurationMin(millis = 10, message = "must be at least 10ms") Duration firstBackOff,
        @DefaultValue("30s") @NotNull @DurationMin(millis = 10, message = "must be at least 10ms") Duration maxBackOff,
        @DefaultValue("5") @Min(value = 1, message = "must be at least 1") @Max(value = 20, message = "must be at most 20") int maxAttempts,
        @DefaultValue("32") @Min(value = 1, message = "must be at least 1") @Max(value = 1024, message = "must be at most 1024") int concurrency,
        @DefaultValue("4m") @NotNull @DurationMin(seconds = 1, message = "must be at least 1s")
        @DurationMax(minutes = 9, message = "must be at most 9m (the consumer's max.poll.interval.ms is 10m)") Duration batchDeadline,
        @DefaultValue("2d") @NotNull @DurationMin(minutes = 1, message = "must be at least 1m") Duration sentMarkerTtl,
        @DefaultValue("3s") @NotNull @DurationMin(millis = 0, message = "must not be negative")
        @DurationMax(minutes = 5, message = "must be at most 5m") Duration collapseWindow) {

    RetryPolicy retryPolicy() {
        return new RetryPolicy(firstBackOff, maxBackOff, maxAttempts);
    }
}
