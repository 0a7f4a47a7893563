package io.parley.group.storage;

import com.datastax.oss.driver.api.core.CqlSession;
import io.parley.cassandra.async.AsyncCql;
import io.parley.cassandra.async.ReactiveCql;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    @Bean
    ReactiveCql cql(CqlSession session) {
        return new ReactiveCql(new AsyncCql(session));
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
