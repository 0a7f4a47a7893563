package io.parley.user.keys;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** How many one-time prekeys a device may keep stored. */
@Validated
@ConfigurationProperties("parley.user.keys")
public record KeySettings(
        @DefaultValue("100") @Min(value = 1, message = "must be at least 1") @Max(value = 1000, message = "must be at most 1000")
        int maxOneTimePreKeys) {
}
