package io.parley.settings;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Where Redis is; {@code spring.data.redis.url} is derived from it. */
@Validated
@ConfigurationProperties("parley.redis")
public record RedisConnection(
        @NotBlank @Pattern(regexp = "rediss?://\\S+", message = "must be a redis:// or rediss:// URL") String url) {
}
