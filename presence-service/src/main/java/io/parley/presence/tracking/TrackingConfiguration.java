package io.parley.presence.tracking;

import io.parley.presence.live.LiveState;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

@Configuration(proxyBeanMethods = false)
class TrackingConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    LiveState liveState(ReactiveStringRedisTemplate redis, Clock clock, PresenceSettings settings) {
        return new LiveState(redis, clock, settings.grace());
    }
}
