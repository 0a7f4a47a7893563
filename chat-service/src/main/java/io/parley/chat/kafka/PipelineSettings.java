package io.parley.chat.kafka;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The consumers of topics {@code messages} and {@code inbox}.
 *
 * @param messagesConsumers consumer threads for {@code messages} (each owns some partitions; more than the
 *                          partition count is useless)
 * @param inboxConsumers    consumer threads for {@code inbox}
 * @param maxAttempts       attempts of a record that fails for a reason other than unavailable infrastructure,
 *                          before it is dead-lettered to {@code <topic>.DLT} (infrastructure outages are retried
 *                          until the infrastructure is back, so an outage never dead-letters messages)
 * @param maxBackOff        the longest pause between two attempts
 */
@Validated
@ConfigurationProperties("parley.chat.pipeline")
public record PipelineSettings(
        @DefaultValue("2") @Min(value = 1, message = "must be at least 1") @Max(value = 256, message = "must be at most 256") int messagesConsumers,
        @DefaultValue("2") @Min(value = 1, message = "must be at least 1") @Max(value = 256, message = "must be at most 256") int inboxConsumers,
        @DefaultValue("5") @Min(value = 1, message = "must be at least 1") @Max(value = 100, message = "must be at most 100") int maxAttempts,
        @DefaultValue("10s") @NotNull(message = "must be a duration, e.g. 10s") Duration maxBackOff) {
}
