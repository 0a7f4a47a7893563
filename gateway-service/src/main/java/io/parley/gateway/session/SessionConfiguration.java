package io.parley.gateway.session;

import io.parley.sessions.SessionRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    @Bean
    SessionRegistry sessionRegistry(ReactiveStringRedisTemplate redis, SessionSettings settings) {
        return new SessionRegistry(redis, settings.ttl());
    }
}
