package io.parley.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.connections.ConnectionRegistry;
import io.parley.gateway.support.FakeBackends;
import io.parley.gateway.support.TestGateways;
import io.parley.gateway.support.TestSocket;
import io.parley.gateway.support.TestTokens;
import io.parley.protocol.ClientFrame;
import io.parley.protocol.Protocol;
import io.parley.protocol.ServerFrame;
import io.parley.testkit.KafkaExtension;
import io.parley.testkit.RedisExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/** Start-up and shutdown of whole gateway instances: draining on stop, idle connections. */
@Tag("integration")
@Timeout(120)
class GatewayLifecycleIntegrationTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();
    @RegisterExtension
    static final KafkaExtension KAFKA = new KafkaExtension();

    static final TestTokens TOKENS = new TestTokens();
    static final FakeBackends BACKENDS = new FakeBackends();

    static LettuceConnectionFactory redisConnections;
    /** The registry as chat-service sees it, through a Redis connection of its own. */
    static ConnectionRegistry registry;

    @BeforeAll
    static void connectToRedis() {
        redisConnections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(REDIS.host(), REDIS.port()));
        redisConnections.afterPropertiesSet();
        redisConnections.start();
        registry = new ConnectionRegistry(new ReactiveStringRedisTemplate(redisConnections), Duration.ofMinutes(1));
    }

    @AfterAll
    static void stopFakes() {
        redisConnections.destroy();
        BACKENDS.close();
        TOKENS.close();
    }

    @Test
    void aStoppingGatewayTellsItsDevicesToReconnectElsewhereAndLeavesNoRegistryEntry() {
        ConfigurableApplicationContext gateway = start("gw-draining", "90s");
        String user = TestTokens.newId();
        List<TestSocket> devices = List.of(connect(gateway, user), connect(gateway, user));
        devices.forEach(TestSocket::hello);
        await().atMost(Duration.ofSeconds(5)).until(() -> registry.onlineDevices(user).collectList().block().size() == 2
                && registry.gateway("gw-draining").block() != null);

        CompletableFuture<Void> stopped = CompletableFuture.runAsync(gateway::close);

        for (TestSocket device : devices) {
            assertThat(device.next()).isInstanceOf(ServerFrame.Reconnect.class);
            assertThat(device.awaitClose()).isEqualTo(Protocol.CLOSE_SERVICE_RESTART);
        }
        stopped.join();
        assertThat(registry.onlineDevices(user).collectList().block()).isEmpty();
        assertThat(registry.gateway("gw-draining").blockOptional()).isEmpty();
    }

    @Test
    void anIdleConnectionIsClosedAndAPingingOneIsNot() throws InterruptedException {
        try (ConfigurableApplicationContext gateway = start("gw-idle", "5s");
                TestSocket idle = connect(gateway, TestTokens.newId());
                TestSocket pinging = connect(gateway, TestTokens.newId())) {
            idle.hello();
            pinging.hello();
            long started = System.nanoTime();

            while (!idle.isClosed() && System.nanoTime() - started < Duration.ofSeconds(15).toNanos()) {
                pinging.send(new ClientFrame.Ping("keepalive"));
                assertThat(pinging.next()).isEqualTo(new ServerFrame.Pong("keepalive"));
                Thread.sleep(1_000);
            }

            assertThat(idle.awaitClose()).isEqualTo(Protocol.CLOSE_IDLE);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(4));
            assertThat(pinging.isClosed()).isFalse();
        }
    }

    @Test
    void subscribesToUserEventsOnlyOnceUserServiceHasCreatedTheTopic() throws Exception {
        String topic = "user-events-" + System.nanoTime();
        try (ConfigurableApplicationContext gateway = TestGateways.start("gw-late-topic", REDIS, KAFKA, TOKENS, BACKENDS,
                "--parley.gateway.user-events.topic=" + topic)) {
            MessageListenerContainer listener = gateway.getBean(KafkaListenerEndpointRegistry.class)
                    .getListenerContainer("gateway-user-events");
            assertThat(listener.isRunning()).as("subscribed before the topic exists").isFalse();

            try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            }

            await().atMost(Duration.ofSeconds(30)).until(listener::isRunning);
        }
    }

    private static ConfigurableApplicationContext start(String gatewayId, String idleTimeout) {
        return TestGateways.start(gatewayId, REDIS, KAFKA, TOKENS, BACKENDS,
                "--parley.gateway.connection.idle-timeout=" + idleTimeout,
                "--parley.gateway.connection.sweep-interval=200ms",
                "--parley.gateway.drain.timeout=5s");
    }

    private static TestSocket connect(ConfigurableApplicationContext gateway, String user) {
        return TestSocket.connect(TestGateways.webSocketUri(gateway), TOKENS.accessToken(user, TestTokens.newId()));
    }
}
