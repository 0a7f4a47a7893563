package io.parley.push.kafka;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The topics push-service reads; both are declared by their producers (chat-service, user-service).
 *
 * @param pushRequests chat-service's {@code PushRequest}s (key user id)
 * @param userEvents   user-service's events ({@code DeviceRevoked} removes the device's token)
 */
@Validated
@ConfigurationProperties("parley.push.topics")
public record PushTopics(
        @NotBlank @Pattern(regexp = "[a-zA-Z0-9._-]{1,249}", message = "must be a legal Kafka topic name") String pushRequests,
        @NotBlank @Pattern(regexp = "[a-zA-Z0-9._-]{1,249}", message = "must be a legal Kafka topic name") String userEvents) {
}
