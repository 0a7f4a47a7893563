package io.parley.push.fcm;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * FCM HTTP v1. Without a service account FCM is disabled (a log line at start-up) and FCM tokens are kept but not
 * pushed.
 *
 * @param serviceAccount  the service account key JSON as Google issues it ({@code project_id}, {@code client_email},
 *                        {@code private_key_id}, {@code private_key}, {@code token_uri}); from a secret
 * @param endpoint        FCM's API root; {@code /v1/projects/{project_id}/messages:send} is appended
 * @param sendTimeout     how long one send (or one access-token exchange) may take before it counts as a
 *                        transport failure (retried)
 * @param refreshMargin   an access token is replaced this long before it expires (they last an hour)
 */
@Validated
@ConfigurationProperties("parley.push.fcm")
public record FcmSettings(
        String serviceAccount,
        @DefaultValue("https://fcm.googleapis.com") @NotNull URI endpoint,
        @DefaultValue("10s") @NotNull Duration sendTimeout,
        @DefaultValue("5m") @NotNull @DurationMax(minutes = 30, message = "must be at most 30m (tokens last 1h)") Duration refreshMargin) {
}
