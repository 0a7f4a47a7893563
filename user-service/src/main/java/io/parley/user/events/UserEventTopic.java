package io.parley.user.events;

import io.parley.settings.TopicSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The {@code user-events} topic (keyed by user id): device revocations that gateways act on. */
@Validated
@ConfigurationProperties("parley.user.topics")
public record UserEventTopic(@Valid @NotNull TopicSettings userEvents) {
}
