package io.parley.chat.ids;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

@Configuration(proxyBeanMethods = false)
class IdConfiguration {

    /** Tolerates a clock step back of one second without refusing ids. */
    private static final long MAX_BORROW_MILLIS = 1_000;

    @Bean
    WorkerIdLease workerIdLease(ReactiveStringRedisTemplate redis, IdSettings settings) {
        return new WorkerIdLease(redis, settings);
    }

    @Bean
    MessageIds messageIds(Clock clock, WorkerIdLease lease) {
        return new MessageIds(new Snowflake(clock, MAX_BORROW_MILLIS), lease);
    }
}
