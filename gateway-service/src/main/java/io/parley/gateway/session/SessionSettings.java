package io.parley.gateway.session;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Session registry entries of this gateway's connections.
 *
 * @param ttl how long an entry outlives a gateway that stopped refreshing it (a crashed instance)
 * @param refreshInterval how often a connection's entry is refreshed (also on the device's pings)
 */
@Validated
@ConfigurationProperties("parley.gateway.session")
public record SessionSettings(
        @NotNull @DurationMin(seconds = 2, message = "must be at least 2s") Duration ttl,
        @NotNull @DurationMin(seconds = 1, message = "must be at least 1s") Duration refreshInterval) {

    @AssertTrue(message = "refresh-interval must be at most half the ttl")
    public boolean isRefreshedBeforeExpiry() {
        return ttl == null || refreshInterval == null || refreshInterval.multipliedBy(2).compareTo(ttl) <= 0;
    }
}
