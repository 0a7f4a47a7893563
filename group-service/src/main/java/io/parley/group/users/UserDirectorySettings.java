package io.parley.group.users;

import io.parley.identity.ServiceChannels;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How group-service reaches user-service's UserDirectory to check blocks before adding someone.
 *
 * @param address user-service's gRPC target, one instance or all ({@link ServiceChannels#TARGET_PATTERN})
 * @param callTimeout the longest one call may take
 */
@Validated
@ConfigurationProperties("parley.group.user-directory")
public record UserDirectorySettings(
        @NotNull @Pattern(regexp = ServiceChannels.TARGET_PATTERN, message = ServiceChannels.TARGET_MESSAGE) String address,
        @NotNull @DurationMin(millis = 100, message = "must be at least 100ms") Duration callTimeout) {
}
