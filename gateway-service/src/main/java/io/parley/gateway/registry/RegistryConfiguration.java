package io.parley.gateway.registry;

import io.parley.sessions.SessionRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** The connection registry (the session-registry library: device → gateway and connection, in Redis). */
@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

    @Bean
    SessionRegistry connectionRegistry(ReactiveStringRedisTemplate redis, RegistrySettings settings) {
        return new SessionRegistry(redis, settings.entryTtl());
    }
}
