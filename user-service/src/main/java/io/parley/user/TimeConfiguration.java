package io.parley.user;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** One clock for every time decision (token expiry, key rotation, rate-limit windows), so tests can control it. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TimeConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
