package io.parley.push.tokens;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param allowPlainHttpEndpoints accept {@code http://} Web Push endpoints (local push services in tests only;
 *                                browsers' push services are all https)
 * @param revocationMemory        how long a signed-out device is refused a token; longer than an access token
 *                                lives (user-service's access-token-lifetime, 10 min, plus clock skew)
 */
@Validated
@ConfigurationProperties("parley.push.tokens")
public record TokenSettings(
        @DefaultValue("false") boolean allowPlainHttpEndpoints,
        @DefaultValue("1h") @NotNull @DurationMin(minutes = 1, message = "must be at least 1m (longer than an access token lives)")
        Duration revocationMemory) {
}
