package io.parley.group.users;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How group-service reaches user-service's UserDirectory to check blocks before adding someone.
 *
 * @param address user-service's gRPC {@code host:port}
 * @param callTimeout the longest one call may take
 */
@Validated
@ConfigurationProperties("parley.group.user-directory")
public record UserDirectorySettings(
        @NotNull @Pattern(regexp = "[^\\s:/]+:\\d{1,5}", message = "must be host:port") String address,
        @NotNull @DurationMin(millis = 100, message = "must be at least 100ms") Duration callTimeout) {
}
