package io.parley.media.sweep;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxAge   an item never shared (its upload never completed, or completed but never sent) is deleted this
 *                 long after it was requested
 * @param lookback how far beyond max-age the sweeper looks for such items (covers the sweeper being down)
 * @param interval the time between two sweeps
 */
@Validated
@ConfigurationProperties("parley.media.sweep")
public record SweepSettings(
        @DefaultValue("24h") @NotNull(message = "must be a duration, e.g. 24h") Duration maxAge,
        @DefaultValue("7d") @NotNull(message = "must be a duration, e.g. 7d") Duration lookback,
        @DefaultValue("10m") @NotNull(message = "must be a duration, e.g. 10m") Duration interval) {
}
