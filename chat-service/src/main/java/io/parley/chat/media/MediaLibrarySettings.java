package io.parley.chat.media;

import io.parley.identity.ServiceChannels;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How chat-service reaches media-service's MediaLibrary gRPC service (only media messages need it).
 *
 * @param address  media-service's gRPC target, one instance or all ({@link ServiceChannels#TARGET_PATTERN})
 * @param deadline the longest one call may take
 */
@Validated
@ConfigurationProperties("parley.chat.media-library")
public record MediaLibrarySettings(
        @DefaultValue("127.0.0.1:9085")
        @NotNull @Pattern(regexp = ServiceChannels.TARGET_PATTERN, message = ServiceChannels.TARGET_MESSAGE) String address,
        @DefaultValue("2s") @NotNull(message = "must be a duration, e.g. 2s") Duration deadline) {
}
