package io.parley.gateway.chat;

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
 * @param address host:port of chat-service's gRPC server (or any gRPC target such as dns:///chat-service:9082)
 * @param sendTimeout deadline of a Send; past it the device gets a retriable {@code unavailable} and resends
 *        under the same client_msg_id, which chat-service deduplicates
 * @param callTimeout deadline of AckInbox, MarkRead and FetchInbox
 */
@Validated
@ConfigurationProperties("parley.gateway.chat-service")
public record ChatServiceSettings(
        @NotBlank @Pattern(regexp = "\\S+:\\d{1,5}", message = "must be host:port") String address,
        @NotNull @DurationMin(millis = 100, message = "must be at least 100ms") Duration sendTimeout,
        @NotNull @DurationMin(millis = 100, message = "must be at least 100ms") Duration callTimeout) {
}
