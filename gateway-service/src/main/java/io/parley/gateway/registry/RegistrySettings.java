package io.parley.gateway.registry;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The connection registry's entries for this gateway's connections (where each device is connected).
 *
 * @param entryTtl how long an entry outlives a gateway that stopped refreshing it (a crashed instance)
 * @param refreshInterval how often a connection's entry is refreshed (also on the device's pings)
 */
@Validated
@ConfigurationProperties("parley.gateway.registry")
public record RegistrySettings(
        @NotNull @DurationMin(seconds = 2, message = "must be at least 2s") Duration entryTtl,
        @NotNull @DurationMin(seconds = 1, message = "must be at least 1s") Duration refreshInterval) {

    @AssertTrue(message = "refresh-interval must be at most half the entry-ttl")
    public boolean isRefreshedBeforeExpiry() {
        return entryTtl == null || refreshInterval == null || refreshInterval.multipliedBy(2).compareTo(entryTtl) <= 0;
    }
}
