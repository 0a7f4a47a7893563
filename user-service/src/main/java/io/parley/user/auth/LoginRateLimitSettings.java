package io.parley.user.auth;

import io.parley.user.ratelimit.RateLimit;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Login attempts allowed per username and per client address within a fixed window. */
@Validated
@ConfigurationProperties("parley.user.login-rate-limit")
public record LoginRateLimitSettings(
        @Valid @NotNull(message = "must be set, e.g. {attempts: 10, window: 5m}") RateLimit perUsername,
        @Valid @NotNull(message = "must be set, e.g. {attempts: 100, window: 5m}") RateLimit perAddress) {
}
