package io.parley.gateway.revocation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** @param topic user-service's event topic (DeviceRevoked closes the device's connections here) */
@Validated
@ConfigurationProperties("parley.gateway.user-events")
public record UserEventsSettings(
        @NotBlank @Pattern(regexp = "[a-zA-Z0-9._-]{1,249}", message = "must be a legal Kafka topic name") String topic) {
}
