package io.parley.push.support;

import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import io.parley.auth.fixtures.TestSecurity;
import io.parley.auth.fixtures.TestTokens;
import io.parley.testkit.CassandraExtension;
import io.parley.testkit.KafkaExtension;
import com.google.protobuf.ByteString;
import io.parley.proto.chat.v1.ChatMessage;
import io.parley.proto.chat.v1.InboxEntry;
import io.parley.proto.chat.v1.PushRequest;
import io.parley.push.tokens.PushTokenStore;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of push-service's integration tests: the whole service against real Kafka and Cassandra (one server each per
 * test JVM), in ONE Spring context shared by every subclass, with its own keyspace and topics for the JVM (the test
 * kit's per-class ones would be dropped under the shared context). The topics push-service reads are declared by
 * their producers in production; here the base class declares them. Tests isolate themselves with fresh user ids.
 */
@Tag("integration")
@Timeout(180)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.grpc.server.port=0",
        "parley.auth.jwks-uri=http://127.0.0.1:1/unused",
        "parley.auth.issuer=" + TestTokens.ISSUER,
        "parley.push.tokens.allow-plain-http-endpoints=true",
        "parley.push.tokens.web-push-hosts=127.0.0.1,*.push.example",
        "parley.push.delivery.collapse-window=" + PushServiceIntegrationTest.COLLAPSE_WINDOW_SECONDS + "s"})
@AutoConfigureWebTestClient
@Import(TestSecurity.class)
public abstract class PushServiceIntegrationTest {

    /** Longer than the 3 s default: a 20-message burst produced over 2 s stays inside one window on a busy machine. */
    protected static final int COLLAPSE_WINDOW_SECONDS = 4;

    @RegisterExtension
    protected static final KafkaExtension KAFKA = new KafkaExtension();
    /** Not registered: its per-class keyspace would be created and dropped around every class. */
    protected static final CassandraExtension CASSANDRA = new CassandraExtension();

    protected static final LocalApns APNS = LocalApns.instance();
    protected static final LocalFcm FCM = LocalFcm.instance();
    protected static final LocalWebPush WEB_PUSH = LocalWebPush.instance();
    private static final String RUN = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    protected static final String PUSH_REQUESTS = "push-requests-" + RUN;
    protected static final String USER_EVENTS = "user-events-" + RUN;
    protected static final String KEYSPACE = "push_it_" + RUN;

    static {
        CompletableFuture.runAsync(CASSANDRA::contactPoint);
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("parley.kafka.bootstrap-servers", PushServiceIntegrationTest::bootstrapWithTopics);
        registry.add("parley.cassandra.contact-points", CASSANDRA::contactPoints);
        registry.add("parley.cassandra.local-datacenter", CASSANDRA::localDatacenter);
        registry.add("parley.cassandra.keyspace", () -> KEYSPACE);
        registry.add("parley.push.topics.push-requests", () -> PUSH_REQUESTS);
        registry.add("parley.push.topics.user-events", () -> USER_EVENTS);
        registry.add("parley.push.apns.team-id", () -> LocalApns.TEAM_ID);
        registry.add("parley.push.apns.key-id", () -> LocalApns.KEY_ID);
        registry.add("parley.push.apns.signing-key", () -> APNS.signingKeyPem());
        registry.add("parley.push.apns.production-host", () -> "localhost");
        registry.add("parley.push.apns.sandbox-host", () -> "localhost");
        registry.add("parley.push.apns.port", APNS::port);
        registry.add("parley.push.apns.trusted-certificates", () -> APNS.certificate().toString());
        registry.add("parley.push.fcm.service-account", FCM::serviceAccountJson);
        registry.add("parley.push.fcm.endpoint", FCM::endpoint);
        registry.add("parley.push.web-push.public-key", WEB_PUSH::vapidPublicKey);
        registry.add("parley.push.web-push.private-key", WEB_PUSH::vapidPrivateKey);
        registry.add("parley.push.web-push.subject", () -> "mailto:ops@parley.test");
    }

    private static volatile boolean topicsCreated;

    private static synchronized String bootstrapWithTopics() {
        if (!topicsCreated) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(PUSH_REQUESTS, 2, (short) 1), new NewTopic(USER_EVENTS, 2, (short) 1)))
                        .all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException(e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            topicsCreated = true;
        }
        return KAFKA.bootstrapServers();
    }

    @Autowired
    protected WebTestClient http;
    @Autowired
    protected PushTokenStore tokens;
    @Autowired
    private CqlSession cassandra;

    /** Whether the user's chat has a collapse window holding a request (push_windows; the test topics have 2 partitions). */
    protected boolean windowHolds(String user, String chat) {
        return cassandra.execute(cassandra.prepare("SELECT held FROM push_windows WHERE kafka_partition IN (0, 1) "
                        + "AND user_id = ? AND chat_id = ?").bind(UUID.fromString(user), chat))
                .all().stream().anyMatch(row -> row.getByteBuffer("held") != null);
    }

    /** Whether the registry holds a token for the device. */
    protected boolean hasToken(String user, String device) {
        return tokens.of(UUID.fromString(user), UUID.fromString(device)).blockOptional().isPresent();
    }

    protected static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Produces one record and waits until Kafka acknowledged it. */
    protected static void produce(String topic, String key, byte[] value) {
        produceAll(topic, List.of(new ProducerRecord<>(topic, key, value)));
    }

    /** Produces the records in one go (as one burst reaches the broker) and waits until Kafka acknowledged them all. */
    protected static void produceAll(String topic, List<ProducerRecord<String, byte[]>> records) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20),
                new StringSerializer(), new ByteArraySerializer())) {
            List<Future<?>> sent = records.stream().<Future<?>>map(producer::send).toList();
            for (Future<?> ack : sent) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not produce to " + topic, e);
        }
    }

    protected WebTestClient.RequestHeadersSpec<?> authorized(WebTestClient.RequestHeadersSpec<?> request, String userId,
            String deviceId) {
        return request.header("Authorization", "Bearer " + TestTokens.accessToken(userId, deviceId));
    }

    /** Registers a token for the device through the API, as the app does. */
    protected WebTestClient.ResponseSpec register(String user, String device, Map<String, ?> body) {
        return authorized(http.put().uri("/v1/push/token").contentType(MediaType.APPLICATION_JSON).bodyValue(body), user, device)
                .exchange();
    }

    /**
     * Someone's first message in a chat with {@code user} is pushed to the FCM token at once, their second, inside the
     * collapse window, held; returns the second.
     */
    protected PushRequest firstPushedSecondHeld(String user, String fcmToken) {
        String sender = newId();
        PushRequest first = pushRequest(user, sender, newMessageId(), 1);
        PushRequest second = pushRequest(user, sender, newMessageId(), 2);
        produce(first);
        await().atMost(patience()).until(() -> FCM.acceptedTo(fcmToken).size() == 1);
        produce(second);
        await().atMost(patience()).until(() -> windowHolds(user, first.getEntry().getMessage().getChatId()));
        return second;
    }

    /** Registers the browser's Web Push subscription for the device, as the web app does. */
    protected void subscribe(String user, String device, LocalWebPush.Subscription browser) {
        register(user, device, Map.of("platform", "web_push", "endpoint", browser.endpoint(), "keys",
                Map.of("p256dh", browser.keys().publicKeyBase64Url(), "auth", browser.keys().authBase64Url())))
                .expectStatus().isOk();
    }

    /** A push request as chat-service produces it: {@code sender}'s message in their direct chat with {@code user}. */
    protected static PushRequest pushRequest(String user, String sender, String messageId, long seq) {
        String chat = user.compareTo(sender) < 0 ? "d:" + user + ":" + sender : "d:" + sender + ":" + user;
        ChatMessage message = ChatMessage.newBuilder().setMessageId(messageId).setChatId(chat).setSeq(seq)
                .setSenderUserId(sender).setSenderDeviceId(newId()).setClientMsgId(newId()).setContentType("text/plain")
                .setBody(ByteString.copyFromUtf8("the body, never pushed")).setSentAtEpochMillis(System.currentTimeMillis())
                .build();
        return PushRequest.newBuilder().setUserId(user)
                .setEntry(InboxEntry.newBuilder().setUserId(user).setInboxSeq(seq).setMessage(message))
                .setRequestedAtEpochMillis(System.currentTimeMillis()).build();
    }

    /** Produces the requests one by one through one producer, {@code gap} apart, as a chat's burst reaches the broker. */
    protected static void produceSpaced(Duration gap, List<PushRequest> requests) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (PushRequest request : requests) {
                long next = System.nanoTime() + gap.toNanos();
                producer.send(new ProducerRecord<>(PUSH_REQUESTS, request.getUserId(), request.toByteArray())).get(30, TimeUnit.SECONDS);
                // The burst's pace is the scenario, not a wait for an outcome.
                TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not produce to " + PUSH_REQUESTS, e);
        }
    }

    protected static void produce(PushRequest... requests) {
        produceAll(PUSH_REQUESTS, Arrays.stream(requests)
                .map(request -> new ProducerRecord<>(PUSH_REQUESTS, request.getUserId(), request.toByteArray())).toList());
    }

    protected static String newMessageId() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, Long.MAX_VALUE));
    }

    protected static Duration patience() {
        return Duration.ofSeconds(60);
    }
}
