package io.parley.settings;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The two ports every Parley service listens on. {@code server.port} and
 * {@code spring.grpc.server.port} are derived from these so that a bad value is rejected here
 * with its name, instead of surfacing later as a bind error (or, for -1, silently disabling HTTP).
 */
@Validated
@ConfigurationProperties("parley.ports")
public record ServicePorts(
        @Min(value = 1, message = "must be a TCP port between 1 and 65535")
        @Max(value = 65535, message = "must be a TCP port between 1 and 65535") int http,
        @Min(value = 1, message = "must be a TCP port between 1 and 65535")
        @Max(value = 65535, message = "must be a TCP port between 1 and 65535") int grpc) {
}
