package io.parley.presence.privacy;

import io.parley.identity.ServiceChannels;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How presence-service reaches user-service's UserDirectory for privacy settings, blocks and contacts.
 *
 * @param address user-service's gRPC target, one instance or all ({@link ServiceChannels#TARGET_PATTERN})
 * @param callTimeout the longest one call may take
 * @param cacheTtl how long answers are reused: a changed setting, block or contact takes effect within this time
 * @param cacheSize answers remembered per kind
 */
@Validated
@ConfigurationProperties("parley.presence.user-directory")
public record UserDirectorySettings(
        @NotNull @Pattern(regexp = ServiceChannels.TARGET_PATTERN, message = ServiceChannels.TARGET_MESSAGE) String address,
        @NotNull @DurationMin(millis = 100, message = "must be at least 100ms") Duration callTimeout,
        @NotNull @DurationMin(millis = 0, message = "must not be negative")
        @DurationMax(minutes = 10, message = "must be at most 10m") Duration cacheTtl,
        @Min(value = 1, message = "must be at least 1") @Max(value = 10_000_000, message = "must be at most 10000000") int cacheSize) {
}
