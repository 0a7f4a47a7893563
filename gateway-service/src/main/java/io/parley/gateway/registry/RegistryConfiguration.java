package io.parley.gateway.registry;

import io.parley.connections.ConnectionRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** The connection registry (the connection-registry library: device → gateway and connection, in Redis). */
@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

    @Bean
    ConnectionRegistry connectionRegistry(ReactiveStringRedisTemplate redis, RegistrySettings settings) {
        return new ConnectionRegistry(redis, settings.entryTtl());
    }
}
