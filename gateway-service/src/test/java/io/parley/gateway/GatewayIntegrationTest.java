package io.parley.gateway;

import static org.awaitility.Awaitility.await;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.parley.connections.ConnectionRegistry;
import io.parley.connections.GatewayAddress;
import io.parley.gateway.support.FakeBackends;
import io.parley.gateway.support.TestSocket;
import io.parley.gateway.support.TestTokens;
import io.parley.proto.gateway.v1.DeliveryGrpc;
import io.parley.protocol.Protocol;
import io.parley.testkit.KafkaExtension;
import io.parley.testkit.RedisExtension;
import io.parley.testkit.ServiceIdentityCredentials;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One gateway on real Redis and Kafka, with chat-service and user-service faked behind the real gRPC contracts.
 * Every test class extending this shares one application context (same settings).
 */
@Tag("integration")
@Timeout(120)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
public abstract class GatewayIntegrationTest {

    protected static final String GATEWAY_ID = "gw-test";
    protected static final String USER_EVENTS = "user-events";

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();
    @RegisterExtension
    static final KafkaExtension KAFKA = new KafkaExtension();

    protected static final TestTokens TOKENS = new TestTokens();
    protected static final FakeBackends BACKENDS = new FakeBackends();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        createUserEventsTopic();
        registry.add("parley.redis.url", REDIS::uri);
        registry.add("parley.kafka.bootstrap-servers", KAFKA::bootstrapServers);
        registry.add("parley.auth.jwks-uri", () -> TOKENS.jwksUri().toString());
        registry.add("parley.auth.issuer", () -> TestTokens.ISSUER);
        registry.add("parley.gateway.chat-service.address", BACKENDS::chatAddress);
        registry.add("parley.gateway.user-service.address", BACKENDS::usersAddress);
        registry.add("parley.gateway.presence-service.address", BACKENDS::presenceAddress);
        registry.add("parley.gateway.presence-service.report-interval", () -> "200ms");
        registry.add("parley.gateway.instance.id", () -> GATEWAY_ID);
        registry.add("spring.grpc.server.port", () -> "0");
        registry.add("parley.gateway.connection.outbound-queue-frames", () -> "64");
        registry.add("parley.gateway.connection.outbound-queue-chars", () -> "262144");
        registry.add("parley.gateway.connection.send-rate-per-second", () -> "5");
        registry.add("parley.gateway.connection.send-burst", () -> "20");
        registry.add("parley.gateway.connection.sync-page-size", () -> "10");
        registry.add("parley.gateway.connection.sweep-interval", () -> "200ms");
        registry.add("parley.gateway.connection.close-grace", () -> "1s");
        registry.add("parley.gateway.sync.rate-per-second", () -> "1");
        registry.add("parley.gateway.sync.burst", () -> "2");
        registry.add("parley.gateway.receipts.read-rate-per-second", () -> "1");
        registry.add("parley.gateway.receipts.read-burst", () -> "3");
        registry.add("parley.gateway.registry.entry-ttl", () -> "10s");
        registry.add("parley.gateway.typing.membership-cache-ttl", () -> GroupTypingIntegrationTest.MEMBERSHIP_CACHE_TTL);
        registry.add("parley.gateway.registry.refresh-interval", () -> "1s");
        // Redis is emptied before each test class; the announcement must come back quickly.
        registry.add("parley.gateway.instance.announce-interval", () -> "1s");
        registry.add("parley.gateway.instance.announce-ttl", () -> "10s");
    }

    /** user-service declares it in production; it must exist before the gateway's listener subscribes. */
    private static void createUserEventsTopic() {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA.bootstrapServers()))) {
            if (!admin.listTopics().names().get().contains(USER_EVENTS)) {
                admin.createTopics(List.of(new NewTopic(USER_EVENTS, 1, (short) 1))).all().get();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("cannot create topic " + USER_EVENTS, e);
        }
    }

    @LocalServerPort
    int httpPort;

    @Autowired
    protected ConnectionRegistry registry;

    /** By caller: the gateway's allow-list admits chat-service to Delivery and user-service to DisconnectDevice. */
    private static final Map<String, ManagedChannel> DELIVERY_CHANNELS = new ConcurrentHashMap<>();

    @BeforeEach
    void resetFakes() {
        BACKENDS.chat.reset();
    }

    @AfterAll
    static void closeDeliveryChannels() {
        DELIVERY_CHANNELS.values().forEach(ManagedChannel::shutdownNow);
        DELIVERY_CHANNELS.clear();
    }

    protected URI webSocketUri() {
        return URI.create("ws://127.0.0.1:" + httpPort + Protocol.PATH);
    }

    protected TestSocket connect(String userId, String deviceId) {
        return TestSocket.connect(webSocketUri(), TOKENS.accessToken(userId, deviceId));
    }

    /** The gateway's Delivery service, found the way chat-service finds it: through its announcement. */
    protected DeliveryGrpc.DeliveryBlockingStub delivery() {
        return deliveryAs("chat-service");
    }

    /** The gateway's Delivery service called by {@code caller} (a service name of the test CA). */
    protected DeliveryGrpc.DeliveryBlockingStub deliveryAs(String caller) {
        ManagedChannel channel = DELIVERY_CHANNELS.computeIfAbsent(caller, name -> {
            GatewayAddress address = await().atMost(Duration.ofSeconds(10))
                    .until(() -> registry.gateway(GATEWAY_ID).block(Duration.ofSeconds(5)), Objects::nonNull);
            return Grpc.newChannelBuilderForAddress(address.host(), address.grpcPort(),
                    ServiceIdentityCredentials.callingAs(name)).build();
        });
        return DeliveryGrpc.newBlockingStub(channel);
    }
}
