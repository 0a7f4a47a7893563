package io.parley.chat.topics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** Declares the pipeline topics; KafkaAdmin creates missing ones and adds partitions at start-up. */
@Configuration(proxyBeanMethods = false)
class ChatTopicsConfiguration {

    @Bean
    KafkaAdmin.NewTopics chatTopicDeclarations(ChatTopics topics) {
        return new KafkaAdmin.NewTopics(topics.messages().toNewTopic(), topics.inbox().toNewTopic(),
                topics.pushRequests().toNewTopic());
    }
}
