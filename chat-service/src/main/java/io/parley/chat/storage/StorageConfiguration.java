package io.parley.chat.storage;

import com.datastax.oss.driver.api.core.CqlSession;
import io.parley.cassandra.async.AsyncCql;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    @Bean
    AsyncCql cql(CqlSession session) {
        return new AsyncCql(session);
    }
}
