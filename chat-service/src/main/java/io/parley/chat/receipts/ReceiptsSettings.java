package io.parley.chat.receipts;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Acks and read watermarks.
 *
 * @param rememberedProgress device cursors (and as many delivered watermarks) this instance remembers, so an ack
 *                           does not read them back from Cassandra; about 200 bytes each
 * @param forgetProgressAfter a remembered value unused this long is dropped
 * @param groupCountsInterval group receipts: how often the counts of each group chat whose watermarks moved are
 *                            computed (once per chat per interval) and sent to the senders; 100ms..1m
 */
@Validated
@ConfigurationProperties("parley.chat.receipts")
public record ReceiptsSettings(
        @DefaultValue("100000") @Min(value = 0, message = "must be at least 0") @Max(value = 10000000, message = "must be at most 10000000") int rememberedProgress,
        @DefaultValue("10m") @NotNull(message = "must be a duration, e.g. 10m") Duration forgetProgressAfter,
        @DefaultValue("1s") @NotNull(message = "must be a duration, e.g. 1s") Duration groupCountsInterval) {

    @AssertTrue(message = "group-counts-interval must be between 100ms and 1m")
    public boolean isGroupCountsIntervalBounded() {
        return groupCountsInterval == null || (groupCountsInterval.compareTo(Duration.ofMillis(100)) >= 0
                && groupCountsInterval.compareTo(Duration.ofMinutes(1)) <= 0);
    }
}
