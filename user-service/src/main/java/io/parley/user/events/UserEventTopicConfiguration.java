package io.parley.user.events;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class UserEventTopicConfiguration {

    @Bean
    NewTopic userEventsTopic(UserEventTopic topic) {
        return topic.userEvents().toNewTopic();
    }
}
