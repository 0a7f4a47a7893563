package io.parley.gateway.auth;

import io.parley.identity.ServiceChannels;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway reaches user-service's UserDirectory during handshakes.
 *
 * @param address user-service's gRPC target, one instance or all ({@link ServiceChannels#TARGET_PATTERN})
 * @param callTimeout deadline of one call
 * @param checkDeviceOnConnect whether a bearer handshake also asks whether the device was revoked since its token
 *        was issued (tokens verify offline until they expire). When user-service does not answer, the connection
 *        is accepted on the token alone: a user-service outage must not take messaging down with it.
 */
@Validated
@ConfigurationProperties("parley.gateway.user-service")
public record UserServiceSettings(
        @NotBlank @Pattern(regexp = ServiceChannels.TARGET_PATTERN, message = ServiceChannels.TARGET_MESSAGE) String address,
        @NotNull @DurationMin(millis = 100, message = "must be at least 100ms") Duration callTimeout,
        boolean checkDeviceOnConnect) {
}
