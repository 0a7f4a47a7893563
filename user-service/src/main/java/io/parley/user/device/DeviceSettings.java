package io.parley.user.device;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** How many devices one account may have signed in at once. */
@Validated
@ConfigurationProperties("parley.user.devices")
public record DeviceSettings(
        @DefaultValue("8") @Min(value = 1, message = "must be at least 1") @Max(value = 64, message = "must be at most 64")
        int maxPerUser) {
}
