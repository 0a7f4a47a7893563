package io.parley.user.auth;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Login attempts allowed per username and per client address within a fixed window. */
@Validated
@ConfigurationProperties("parley.user.login-rate-limit")
public record LoginRateLimitSettings(
        @Valid @NotNull(message = "must be set, e.g. {attempts: 10, window: 5m}") Limit perUsername,
        @Valid @NotNull(message = "must be set, e.g. {attempts: 100, window: 5m}") Limit perAddress) {

    public record Limit(
            @Min(value = 1, message = "must be at least 1") int attempts,
            @NotNull(message = "must be a duration, e.g. 5m") @DurationMin(seconds = 1, message = "must be at least 1s")
            Duration window) {
    }
}
