package io.parley.push.tokens;

import io.parley.cassandra.async.ReactiveCql;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TokenStorageConfiguration {

    @Bean
    PushTokenStore pushTokenStore(ReactiveCql cql) {
        return new PushTokenStore(cql);
    }

    @Bean
    PushPreferences pushPreferences(ReactiveCql cql, Clock clock) {
        return new PushPreferences(cql, clock);
    }
}
