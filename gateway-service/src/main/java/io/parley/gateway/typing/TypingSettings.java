package io.parley.gateway.typing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of {@code typing} frames. Defaults live in application.yaml.
 *
 * @param ratePerSecond sustained {@code typing} frames per second of one connection; more are refused with
 *        {@code rate_limited} (a typing user sends one every 3 s, plus one {@code paused})
 * @param burst frames a connection may send at once after being quiet (switching between chats)
 * @param blockCacheTtl how long the gateway reuses user-service's answer to "does either block the other" for a
 *        pair; a block takes at most this long to silence typing already flowing
 * @param blockCacheSize pairs remembered
 * @param membershipCacheTtl how long the gateway reuses chat-service's answer to "is this user a member of this group
 *        chat now", for senders, for {@code open_chat} and for receivers: a member removed from a group stops sending
 *        and receiving typing there at most this long after the removal
 * @param membershipCacheSize (user, group chat) answers remembered
 */
@Validated
@ConfigurationProperties("parley.gateway.typing")
public record TypingSettings(
        @Min(value = 1, message = "must be at least 1") int ratePerSecond,
        @Min(value = 1, message = "must be at least 1") int burst,
        @NotNull @DurationMin(millis = 0, message = "must not be negative")
        @DurationMax(minutes = 10, message = "must be at most 10m") Duration blockCacheTtl,
        @Min(value = 1, message = "must be at least 1") @Max(value = 10_000_000, message = "must be at most 10000000") int blockCacheSize,
        @NotNull @DurationMin(millis = 0, message = "must not be negative")
        @DurationMax(minutes = 1, message = "must be at most 1m") Duration membershipCacheTtl,
        @Min(value = 1, message = "must be at least 1") @Max(value = 10_000_000, message = "must be at most 10000000") int membershipCacheSize) {
}
