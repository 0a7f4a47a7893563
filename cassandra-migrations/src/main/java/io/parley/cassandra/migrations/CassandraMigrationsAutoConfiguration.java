package io.parley.cassandra.migrations;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import io.parley.settings.CassandraConnection;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.cassandra.autoconfigure.CassandraAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Replaces Spring Boot's {@code CqlSession} with one that is only handed out after the service's
 * keyspace exists and its migrations ({@code classpath:db/cql/V*__*.cql}) are applied, so no
 * repository ever sees a half-created schema.
 */
@AutoConfiguration(before = CassandraAutoConfiguration.class)
@ConditionalOnClass(CqlSession.class)
@ConditionalOnProperty(prefix = "parley.cassandra", name = "keyspace")
@EnableConfigurationProperties(CassandraConnection.class)
public class CassandraMigrationsAutoConfiguration {

    static final String LOCATION = "db/cql";

    @Bean(destroyMethod = "close")
    CqlSession cassandraSession(ObjectProvider<CqlSessionBuilder> builders, CassandraConnection cassandra) {
        try (CqlSession admin = builders.getObject().withKeyspace((CqlIdentifier) null).build()) {
            CqlMigrator.createKeyspace(admin, cassandra.keyspace(), cassandra.localDatacenter(),
                    cassandra.replicationFactor());
        }
        CqlSession session = builders.getObject().withKeyspace(cassandra.keyspace()).build();
        try {
            new CqlMigrator(Clock.systemUTC(), Duration.ofMinutes(2))
                    .migrate(session, CqlMigrationResources.load(LOCATION));
            return session;
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }
}
