package io.parley.push.kafka;

import io.parley.subscriptions.SubscriptionOnceTopicsExist;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;

/** Both listeners read other services' topics: they subscribe once chat-service and user-service created them. */
@Configuration(proxyBeanMethods = false)
class TopicSubscriptions {

    /** The ids of PushRequestListener's and DeviceRevocationListener's {@code @KafkaListener} (autoStartup false). */
    private static final String PUSH_REQUESTS_LISTENER = "push-requests";
    private static final String USER_EVENTS_LISTENER = "push-user-events";

    @Bean
    SubscriptionOnceTopicsExist pushRequestsSubscription(KafkaAdmin admin, KafkaListenerEndpointRegistry listeners,
            PushTopics topics) {
        return new SubscriptionOnceTopicsExist(admin, listeners, PUSH_REQUESTS_LISTENER, List.of(topics.pushRequests()));
    }

    @Bean
    SubscriptionOnceTopicsExist userEventsSubscription(KafkaAdmin admin, KafkaListenerEndpointRegistry listeners,
            PushTopics topics) {
        return new SubscriptionOnceTopicsExist(admin, listeners, USER_EVENTS_LISTENER, List.of(topics.userEvents()));
    }
}
