package io.parley.gateway.chat;

import io.parley.identity.ServiceChannels;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway reaches chat-service.
 *
 * @param address chat-service's gRPC target, one instance or all ({@link ServiceChannels#TARGET_PATTERN})
 * @param sendTimeout deadline of a Send; past it the device gets a retriable {@code unavailable} and resends
 *        under the same client_msg_id, which chat-service deduplicates
 * @param callTimeout deadline of AckInbox, MarkRead and FetchInbox
 */
@Validated
@ConfigurationProperties("parley.gateway.chat-service")
public record ChatServiceSettings(
        @NotBlank @Pattern(regexp = ServiceChannels.TARGET_PATTERN, message = ServiceChannels.TARGET_MESSAGE) String address,
        @NotNull @DurationMin(millis = 100, message = "must be at least 100ms") Duration sendTimeout,
        @NotNull @DurationMin(millis = 100, message = "must be at least 100ms") Duration callTimeout) {
}
