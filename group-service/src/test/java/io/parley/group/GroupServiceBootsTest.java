package io.parley.group;

import io.parley.testkit.CassandraExtension;
import io.parley.testkit.KafkaExtension;
import io.parley.testkit.RedisExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The service starts against real infrastructure and reports itself healthy, live, ready and measured. */
@Tag("integration")
@Timeout(180)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.grpc.server.port=0")
@AutoConfigureWebTestClient
class GroupServiceBootsTest {

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
        registry.add("parley.cassandra.contact-points", () -> CASSANDRA.contactPoint().getHostString() + ":" + CASSANDRA.contactPoint().getPort());
        registry.add("parley.cassandra.local-datacenter", CASSANDRA::localDatacenter);
        registry.add("parley.cassandra.keyspace", CASSANDRA::keyspace);
    }

    @Autowired
    WebTestClient http;

    @Test
    void reportsHealthLivenessAndReadinessUp() {
        for (String probe : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            http.get().uri(probe).exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        }
    }

    @Test
    void exposesPrometheusMetricsTaggedWithTheService() {
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> org.assertj.core.api.Assertions.assertThat(body)
                        .contains("jvm_memory_used_bytes").contains("service=\"group-service\""));
    }
}
