package io.parley.group;

import io.parley.testkit.CassandraExtension;
import io.parley.testkit.KafkaExtension;
import io.parley.testkit.RedisExtension;
import io.parley.testkit.ServiceBootChecks;
import io.parley.testkit.ServiceBootTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service starts against real infrastructure and reports itself healthy, live, ready and measured. */
@ServiceBootTest
class GroupServiceBootsTest implements ServiceBootChecks {

    @RegisterExtension
    static final KafkaExtension KAFKA = new KafkaExtension();
    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();
    @RegisterExtension
    static final CassandraExtension CASSANDRA = new CassandraExtension();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("parley.kafka.bootstrap-servers", KAFKA::bootstrapServers);
        registry.add("parley.redis.url", REDIS::uri);
        registry.add("parley.cassandra.contact-points", CASSANDRA::contactPoints);
        registry.add("parley.cassandra.local-datacenter", CASSANDRA::localDatacenter);
        registry.add("parley.cassandra.keyspace", CASSANDRA::keyspace);
    }
}
