package io.parley.gateway.revocation;

import io.parley.subscriptions.SubscriptionOnceTopicsExist;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;

/** The {@link DeviceRevocationListener} subscribes once user-service has created its topic. */
@Configuration(proxyBeanMethods = false)
class UserEventsSubscriptionConfiguration {

    @Bean
    SubscriptionOnceTopicsExist userEventsSubscription(KafkaAdmin admin, KafkaListenerEndpointRegistry listeners,
            UserEventsSettings settings) {
        return new SubscriptionOnceTopicsExist(admin, listeners, DeviceRevocationListener.LISTENER_ID, List.of(settings.topic()));
    }
}
