package io.parley.push.storage;

import com.datastax.oss.driver.api.core.CqlSession;
import io.parley.cassandra.async.AsyncCql;
import io.parley.cassandra.async.ReactiveCql;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The keyspace {@code parley_push} (migrations in db/cql), reached without blocking. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    @Bean
    ReactiveCql cql(CqlSession session) {
        return new ReactiveCql(new AsyncCql(session));
    }
}
