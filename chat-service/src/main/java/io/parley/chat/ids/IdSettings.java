package io.parley.chat.ids;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Snowflake worker-id lease in Redis.
 *
 * @param leaseTtl      how long a lease lives in Redis without renewal; a crashed pod's worker id is free after it
 * @param renewInterval how often the holder renews it
 * @param safetyMargin  the holder stops issuing ids this long before its lease could have expired in Redis, so a
 *                      new holder of the same worker id starts at least this much later (covers clock skew)
 */
@Validated
@ConfigurationProperties("parley.chat.ids")
public record IdSettings(
        @DefaultValue("30s") @NotNull(message = "must be a duration, e.g. 30s") Duration leaseTtl,
        @DefaultValue("5s") @NotNull(message = "must be a duration, e.g. 5s") Duration renewInterval,
        @DefaultValue("5s") @NotNull(message = "must be a duration, e.g. 5s") Duration safetyMargin) {

    /** Two renewals must fit in the part of the lease that is safe to use, so one failed renewal is survivable. */
    @AssertTrue(message = "renew-interval must be positive and at most half of lease-ttl minus safety-margin")
    public boolean isRenewedInTime() {
        if (leaseTtl == null || renewInterval == null || safetyMargin == null) {
            return true;
        }
        Duration usable = leaseTtl.minus(safetyMargin);
        return !renewInterval.isNegative() && !renewInterval.isZero() && !safetyMargin.isNegative()
                && renewInterval.multipliedBy(2).compareTo(usable) <= 0;
    }
}
