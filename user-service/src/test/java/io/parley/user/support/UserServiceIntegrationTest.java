package io.parley.user.support;

import io.parley.testkit.CassandraExtension;
import io.parley.testkit.KafkaExtension;
import io.parley.testkit.RedisExtension;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of every user-service integration test: the real service on random ports against real Cassandra,
 * Redis and Kafka from the test kit, in ONE Spring context shared by all test classes (start-up costs tens
 * of seconds on two cores).
 *
 * <p>Because the context outlives each test class, it does not use the per-class keyspace and topic the
 * test kit hands out (they are dropped after each class): it uses its own keyspace and topic on the same
 * servers, created by the service itself at start-up (migrations, topic declaration). Tests never share
 * users, so they need no cleanup. Redis is flushed before each class, which only drops rate-limit
 * counters, tickets and cache entries of earlier classes. The context allows 10 login attempts per
 * username and 20 per address per minute, and 3 devices per account.
 */
@Tag("integration")
@Timeout(120)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.grpc.server.port=0",
        // Tests log in from many made-up addresses (X-Forwarded-For), like clients behind a trusted proxy.
        "server.forward-headers-strategy=framework",
        "parley.user.devices.max-per-user=3",
        "parley.user.login-rate-limit.per-username.attempts=10",
        "parley.user.login-rate-limit.per-username.window=1m",
        "parley.user.login-rate-limit.per-address.attempts=20",
        "parley.user.login-rate-limit.per-address.window=1m",
        "parley.user.registration-rate-limit.per-address.attempts=5",
        "parley.user.registration-rate-limit.per-address.window=1m",
        "parley.user.topics.user-events.name=" + UserServiceIntegrationTest.USER_EVENTS_TOPIC,
        "parley.user.topics.user-events.partitions=2"})
@AutoConfigureWebTestClient
@Import(GrpcPort.class)
public abstract class UserServiceIntegrationTest {

    /** One per test JVM: signing keys stored by an earlier run are encrypted under that run's key. */
    protected static final String KEYSPACE = "user_service_it_" + Long.toHexString(new SecureRandom().nextLong() >>> 1);
    protected static final String USER_EVENTS_TOPIC = "user-events-it";

    @RegisterExtension
    protected static final KafkaExtension KAFKA = new KafkaExtension();
    @RegisterExtension
    protected static final RedisExtension REDIS = new RedisExtension();
    /**
     * Deliberately not registered as an extension: its per-class keyspace would be created and dropped
     * around every test class (seconds each on two cores) while the service keeps using {@link #KEYSPACE}.
     */
    protected static final CassandraExtension CASSANDRA = new CassandraExtension();

    static {
        // Made up per test JVM, as a deployment's comes from a secret: the repository holds no key. A system
        // property, because user-service checks it before the test's dynamic properties are in place.
        System.setProperty("parley.user.signing-keys.encryption-key", randomKey());
        System.setProperty("parley.cassandra.keyspace", KEYSPACE);
        // Cassandra and Kafka each take seconds to start; the first test class starts them side by side.
        CompletableFuture.runAsync(CASSANDRA::contactPoint);
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("parley.kafka.bootstrap-servers", KAFKA::bootstrapServers);
        registry.add("parley.redis.url", REDIS::uri);
        registry.add("parley.cassandra.contact-points", CASSANDRA::contactPoints);
        registry.add("parley.cassandra.local-datacenter", CASSANDRA::localDatacenter);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Autowired
    private WebTestClient webTestClient;
    @Autowired
    protected GrpcPort grpc;
    @LocalServerPort
    protected int httpPort;

    protected Api api;

    @BeforeEach
    void client() {
        api = new Api(webTestClient);
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }
}
