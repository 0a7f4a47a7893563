package io.parley.user.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Access and refresh tokens. Access tokens are verified offline everywhere, so their lifetime bounds how
 * long a revoked device can keep using one: keep it short.
 *
 * @param issuer               the {@code iss} claim; services verify it ({@code parley.auth.issuer})
 * @param accessTokenLifetime  lifetime of an access JWT
 * @param refreshTokenLifetime lifetime of a refresh token; each refresh starts a new one (sliding)
 * @param clockSkew            tolerance for clock differences when user-service verifies its own tokens
 */
@Validated
@ConfigurationProperties("parley.user.tokens")
public record TokenSettings(
        @NotBlank(message = "must name the token issuer, e.g. https://parley.local/user-service") String issuer,
        @DefaultValue("10m") @NotNull(message = "must be a duration, e.g. 10m")
        @DurationMin(seconds = 30, message = "must be at least 30s") @DurationMax(hours = 1, message = "must be at most 1h")
        Duration accessTokenLifetime,
        @DefaultValue("30d") @NotNull(message = "must be a duration, e.g. 30d")
        @DurationMin(minutes = 5, message = "must be at least 5m") @DurationMax(days = 365, message = "must be at most 365d")
        Duration refreshTokenLifetime,
        @DefaultValue("30s") @NotNull(message = "must be a duration, e.g. 30s") @DurationMax(minutes = 5, message = "must be at most 5m")
        Duration clockSkew) {
}
