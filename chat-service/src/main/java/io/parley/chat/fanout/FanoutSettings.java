package io.parley.chat.fanout;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Live delivery to gateways.
 *
 * @param deliverDeadline the deadline of one Delivery.Deliver call; a slower gateway counts as failed (the device syncs)
 * @param maxInFlight     users whose deliveries may be outstanding at once; beyond it the inbox consumer waits
 * @param idleChannelTtl  a gateway channel unused this long is closed (gateways come and go)
 * @param pushHeldWhileOnline how long a push request waits when another device of the user took the message live (the
 *                        user is active there); a read on any device meanwhile cancels it. 0 requests at once
 */
@Validated
@ConfigurationProperties("parley.chat.fanout")
public record FanoutSettings(
        @DefaultValue("2s") @NotNull(message = "must be a duration, e.g. 2s") Duration deliverDeadline,
        @DefaultValue("512") @Min(value = 1, message = "must be at least 1") @Max(value = 100000, message = "must be at most 100000") int maxInFlight,
        @DefaultValue("10m") @NotNull(message = "must be a duration, e.g. 10m") Duration idleChannelTtl,
        @DefaultValue("10s") @NotNull(message = "must be a duration, e.g. 10s") Duration pushHeldWhileOnline) {

    @AssertTrue(message = "push-held-while-online must be between 0s and 5m")
    public boolean isPushHeldWhileOnlineBounded() {
        return pushHeldWhileOnline == null
                || (!pushHeldWhileOnline.isNegative() && pushHeldWhileOnline.compareTo(Duration.ofMinutes(5)) <= 0);
    }
}
