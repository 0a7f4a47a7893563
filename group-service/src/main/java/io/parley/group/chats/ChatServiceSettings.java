package io.parley.group.chats;

import io.parley.identity.ServiceChannels;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How group-service reaches chat-service's ChatMembership, which owns group membership.
 *
 * @param address chat-service's gRPC target, one instance or all ({@link ServiceChannels#TARGET_PATTERN})
 * @param callTimeout the longest one read may take
 * @param commandTimeout the longest a membership command may take: a Kafka hop and the chat's consumer batch, on a
 *                       loaded machine (chat-service itself gives up after 10 s)
 */
@Validated
@ConfigurationProperties("parley.group.chat-service")
public record ChatServiceSettings(
        @NotNull @Pattern(regexp = ServiceChannels.TARGET_PATTERN, message = ServiceChannels.TARGET_MESSAGE) String address,
        @NotNull @DurationMin(millis = 100, message = "must be at least 100ms") Duration callTimeout,
        @NotNull @DurationMin(seconds = 1, message = "must be at least 1s") Duration commandTimeout) {
}
