package io.parley.gateway.drain;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Shutdown.
 *
 * @param timeout how long a stopping gateway waits for its devices to take {@code reconnect} and close; connections
 *        still open after it are cut
 */
@Validated
@ConfigurationProperties("parley.gateway.drain")
public record DrainSettings(@NotNull @DurationMin(millis = 0, message = "must not be negative") Duration timeout) {
}
