package io.parley.chat.users;

import io.parley.identity.ServiceChannels;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How chat-service reaches user-service's UserDirectory gRPC service.
 *
 * @param address  user-service's gRPC target, one instance or all ({@link ServiceChannels#TARGET_PATTERN})
 * @param deadline the longest one call may take
 * @param cacheTtl how long block and privacy answers are reused; a new block takes effect within this time
 */
@Validated
@ConfigurationProperties("parley.chat.user-directory")
public record UserDirectorySettings(
        @DefaultValue("127.0.0.1:9081")
        @NotNull @Pattern(regexp = ServiceChannels.TARGET_PATTERN, message = ServiceChannels.TARGET_MESSAGE) String address,
        @DefaultValue("2s") @NotNull(message = "must be a duration, e.g. 2s") Duration deadline,
        @DefaultValue("10s") @NotNull(message = "must be a duration, e.g. 10s") Duration cacheTtl) {
}
