package io.parley.gateway.sync;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How a connection syncs. Defaults live in application.yaml.
 *
 * @param ratePerSecond sustained {@code sync} frames per second a connection may send; more are refused with
 *        {@code rate_limited}
 * @param burst {@code sync} frames a connection may send at once after being quiet
 * @param heldBackBytes serialized bytes of live entries held back while a connection catches up; entries beyond it
 *        (or beyond the held-back count) are left in the inbox and fetched with the next page
 * @param emptyPageBackoff the wait before fetching again after a page that brought nothing new although the inbox
 *        says there is more (a gap in the inbox); doubles with every such page
 * @param emptyPageBackoffMax the longest such wait
 */
@Validated
@ConfigurationProperties("parley.gateway.sync")
public record SyncSettings(
        @Min(value = 1, message = "must be at least 1") int ratePerSecond,
        @Min(value = 1, message = "must be at least 1") int burst,
        @Min(value = 65_536, message = "must be at least 65536") long heldBackBytes,
        @NotNull @DurationMin(millis = 1, message = "must be at least 1ms") Duration emptyPageBackoff,
        @NotNull @DurationMax(minutes = 1, message = "must be at most 1m") Duration emptyPageBackoffMax) {

    @AssertTrue(message = "empty-page-backoff-max must not be shorter than empty-page-backoff")
    public boolean isBackoffMaxAtLeastBackoff() {
        return emptyPageBackoff == null || emptyPageBackoffMax == null
                || emptyPageBackoffMax.compareTo(emptyPageBackoff) >= 0;
    }

    /** The wait after {@code emptyPages} pages in a row brought nothing (1 or more). */
    Duration backoffAfter(int emptyPages) {
        Duration wait = emptyPageBackoff;
        for (int i = 1; i < emptyPages && wait.compareTo(emptyPageBackoffMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(emptyPageBackoffMax) < 0 ? wait : emptyPageBackoffMax;
    }
}
