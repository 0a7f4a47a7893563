package io.parley.user.ratelimit;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/** At most {@code attempts} within a fixed {@code window}. */
public record RateLimit(
        @Min(value = 1, message = "must be at least 1") int attempts,
        @NotNull(message = "must be a duration, e.g. 5m") @DurationMin(seconds = 1, message = "must be at least 1s")
        Duration window) {
}
