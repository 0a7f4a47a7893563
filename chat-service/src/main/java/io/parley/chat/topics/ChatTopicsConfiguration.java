package io.parley.chat.topics;

import io.parley.settings.TopicSettings;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares the pipeline topics, and the dead-letter topics of the two consumed ones with the same partition
 * count (a record is dead-lettered to the partition number it came from) and a month's retention to give
 * operators time to look. KafkaAdmin creates missing topics and adds partitions at start-up.
 */
@Configuration(proxyBeanMethods = false)
class ChatTopicsConfiguration {

    static final String DEAD_LETTER_SUFFIX = ".DLT";
    private static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(30);

    @Bean
    KafkaAdmin.NewTopics chatTopicDeclarations(ChatTopics topics) {
        return new KafkaAdmin.NewTopics(topics.messages().toNewTopic(), topics.inbox().toNewTopic(),
                topics.pushRequests().toNewTopic(), deadLetters(topics.messages()).toNewTopic(),
                deadLetters(topics.inbox()).toNewTopic());
    }

    private static TopicSettings deadLetters(TopicSettings source) {
        return new TopicSettings(source.name() + DEAD_LETTER_SUFFIX, source.partitions(), source.replicationFactor(),
                DEAD_LETTER_RETENTION);
    }
}
