package io.parley.chat.receipts;

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
 */
@Validated
@ConfigurationProperties("parley.chat.receipts")
public record ReceiptsSettings(
        @DefaultValue("100000") @Min(value = 0, message = "must be at least 0") @Max(value = 10000000, message = "must be at most 10000000") int rememberedProgress,
        @DefaultValue("10m") @NotNull(message = "must be a duration, e.g. 10m") Duration forgetProgressAfter) {
}
