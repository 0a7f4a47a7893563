package io.parley.presence.tracking;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Timings of online and offline. Defaults live in application.yaml; docs/presence.md explains the bounds they give.
 *
 * @param grace how long a user whose last connection closed stays online for everyone else: a reconnect inside it
 *        shows no change
 * @param sweepInterval how often due offlines are published and dead gateways looked for; adds to both bounds
 * @param maxGatewayTtl the longest liveness a gateway may ask for: bounds how long a dead gateway's devices look online
 * @param sweepBatch due offlines handled per sweep
 */
@Validated
@ConfigurationProperties("parley.presence")
public record PresenceSettings(
        @NotNull @DurationMin(millis = 0, message = "must not be negative")
        @DurationMax(minutes = 5, message = "must be at most 5m") Duration grace,
        @NotNull @DurationMin(millis = 50, message = "must be at least 50ms")
        @DurationMax(seconds = 60, message = "must be at most 60s") Duration sweepInterval,
        @NotNull @DurationMin(seconds = 1, message = "must be at least 1s")
        @DurationMax(minutes = 5, message = "must be at most 5m") Duration maxGatewayTtl,
        @Min(value = 1, message = "must be at least 1") @Max(value = 100_000, message = "must be at most 100000") int sweepBatch) {
}
