package io.parley.media.chats;

import io.parley.identity.ServiceChannels;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How media-service asks chat-service who is a member of a chat.
 *
 * @param address  chat-service's gRPC target, one instance or all ({@link ServiceChannels#TARGET_PATTERN})
 * @param deadline the longest one call may take
 */
@Validated
@ConfigurationProperties("parley.media.chat-membership")
public record ChatMembershipSettings(
        @DefaultValue("127.0.0.1:9082")
        @NotNull @Pattern(regexp = ServiceChannels.TARGET_PATTERN, message = ServiceChannels.TARGET_MESSAGE) String address,
        @DefaultValue("2s") @NotNull(message = "must be a duration, e.g. 2s") Duration deadline) {
}
