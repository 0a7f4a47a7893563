package io.parley.settings;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;

/**
 * A Kafka topic a service owns and declares at start-up. Partitions bound the parallelism of the
 * consumers keyed on it; retention bounds how long a consumer may be down before it loses records.
 */
public record TopicSettings(
        @NotBlank @Pattern(regexp = "[a-zA-Z0-9._-]{1,249}", message = "must be a legal Kafka topic name") String name,
        @Min(value = 1, message = "must be at least 1") @Max(value = 10000, message = "must be at most 10000") int partitions,
        @Min(value = 1, message = "must be at least 1") short replicationFactor,
        @NotNull(message = "must be set, for example 7d") Duration retention) {

    /** The declaration KafkaAdmin applies at start-up: creates the topic or adds missing partitions. */
    public NewTopic toNewTopic() {
        return TopicBuilder.name(name)
                .partitions(partitions)
                .replicas(replicationFactor)
                .config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()))
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(Math.min(2, replicationFactor)))
                .build();
    }
}
