package io.parley.settings;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Where the Kafka cluster is; {@code spring.kafka.bootstrap-servers} is derived from it. */
@Validated
@ConfigurationProperties("parley.kafka")
public record KafkaConnection(
        @NotEmpty(message = "must list at least one host:port")
        List<@Pattern(regexp = "[^\\s:]+:\\d{1,5}", message = "must be host:port") String> bootstrapServers) {
}
