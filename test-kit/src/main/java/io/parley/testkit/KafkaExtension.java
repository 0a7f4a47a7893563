package io.parley.testkit;

import io.parley.infra.kafka.KafkaServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Kafka broker (KRaft, 127.0.0.1), shared by all test classes of the JVM; topics are never auto-created,
 * so each test class asks for its own with {@link #uniqueTopic(String)}, and they are deleted after the class.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final KafkaExtension KAFKA = new KafkaExtension();
 *
 * @DynamicPropertySource
 * static void kafka(DynamicPropertyRegistry registry) {
 *     registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
 * }
 * }</pre>
 */
public final class KafkaExtension implements BeforeAllCallback, AfterAllCallback {

    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    private static final short REPLICATION_FACTOR = 1;
    private static final Pattern TOPIC_PREFIX = Pattern.compile("[a-zA-Z0-9._-]{1,200}");

    private final List<String> topics = new ArrayList<>();
    private Admin admin;

    /** The shared broker, started if needed; {@code stop()} and {@code start()} it to test outages. */
    public KafkaServer server() {
        return SharedServers.kafka();
    }

    /** {@code 127.0.0.1:<port>}; starts the broker if needed, so it can feed {@code @DynamicPropertySource}. */
    public String bootstrapServers() {
        return server().bootstrapServers();
    }

    /** A new topic with one partition, named {@code <prefix>-<8 random hex digits>}. */
    public String uniqueTopic(String prefix) {
        return uniqueTopic(prefix, 1);
    }

    /** A new topic with {@code partitions} partitions, each with a leader when this returns. */
    public synchronized String uniqueTopic(String prefix, int partitions) {
        if (!TOPIC_PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("Topic prefix '" + prefix + "' must be 1-200 of [a-zA-Z0-9._-]");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        }
        String topic = prefix + "-" + UniqueNames.suffix();
        await(admin().createTopics(List.of(new NewTopic(topic, partitions, REPLICATION_FACTOR))).all(),
                "create topic " + topic);
        topics.add(topic);
        awaitLeaders(topic);
        return topic;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server();
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        try {
            // server() restarts a broker that a test stopped and did not restart: the next class needs it anyway.
            if (!topics.isEmpty()) {
                await(admin().deleteTopics(topics).all(), "delete topics " + topics);
            }
        } finally {
            topics.clear();
            if (admin != null) {
                admin.close(Duration.ZERO);
                admin = null;
            }
        }
    }

    private Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                    AdminClientConfig.CLIENT_ID_CONFIG, "parley-test-kit"));
        }
        return admin;
    }

    /** createTopics returns when the controller has the topic, possibly before its partitions have leaders. */
    private void awaitLeaders(String topic) {
        long deadline = System.nanoTime() + ADMIN_TIMEOUT.toNanos();
        while (!allPartitionsHaveLeaders(topic)) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("Partitions of " + topic + " have no leader after " + ADMIN_TIMEOUT);
            }
            pause();
        }
    }

    private boolean allPartitionsHaveLeaders(String topic) {
        try {
            TopicDescription description = admin().describeTopics(List.of(topic)).allTopicNames()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic);
            return description.partitions().stream().allMatch(partition -> partition.leader() != null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false; // The broker's metadata has not caught up with the controller yet.
            }
            throw new IllegalStateException("Cannot describe topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while describing topic " + topic, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Cannot describe topic " + topic, e);
        }
    }

    private static <T> T await(KafkaFuture<T> future, String what) {
        try {
            return future.get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + what, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot " + what, e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for partition leaders", e);
        }
    }
}
