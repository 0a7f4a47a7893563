package io.parley.push.apns;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** APNs is on when its credentials are set (parley.push.apns.team-id and the rest, checked by {@link ApnsSettings}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "parley.push.apns", name = "team-id")
class ApnsConfiguration {

    @Bean(destroyMethod = "close")
    ApnsClients apnsClients(ApnsSettings settings) {
        return new ApnsClients(settings);
    }

    @Bean
    ApnsPushSender apnsPushSender(ApnsClients clients, ApnsSettings settings) {
        return new ApnsPushSender(clients, settings.sendTimeout());
    }
}
