package io.parley.chat.topics;

import io.parley.settings.TopicSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The topics of the message pipeline. {@code messages} is keyed by chat id (one writer per chat's
 * partition assigns its sequence); {@code inbox} by recipient user id; {@code push-requests} feeds
 * push-service for users with no device online.
 */
@Validated
@ConfigurationProperties("parley.chat.topics")
public record ChatTopics(
        @Valid @NotNull TopicSettings messages,
        @Valid @NotNull TopicSettings inbox,
        @Valid @NotNull TopicSettings pushRequests) {
}
