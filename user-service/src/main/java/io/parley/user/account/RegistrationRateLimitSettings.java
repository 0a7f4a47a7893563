package io.parley.user.account;

import io.parley.user.ratelimit.RateLimit;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Registrations allowed per client address within a fixed window. Each costs an Argon2id hash, and accounts are
 * what spam is sent from; addresses behind a carrier's NAT share the limit, hence a generous default.
 */
@Validated
@ConfigurationProperties("parley.user.registration-rate-limit")
public record RegistrationRateLimitSettings(
        @Valid @NotNull(message = "must be set, e.g. {attempts: 30, window: 10m}") RateLimit perAddress) {
}
