package io.parley.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.parley.gateway.support.TestGateways;
import io.parley.gateway.support.TestSocket;
import io.parley.gateway.support.TestTokens;
import io.parley.protocol.ClientFrame;
import io.parley.protocol.ErrorCode;
import io.parley.protocol.Protocol;
import io.parley.protocol.ServerFrame;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Presence frames between two gateways on one real Redis, with presence-service faked behind its gRPC contract: the
 * tests publish changes on Redis exactly as presence-service does (presence.proto).
 */
class PresenceFramesIntegrationTest extends GatewayIntegrationTest {

    static ConfigurableApplicationContext otherGateway;
    static RedisClient redisClient;
    static StatefulRedisConnection<String, String> redis;

    @BeforeAll
    static void startOtherGatewayAndConnect() {
        otherGateway = TestGateways.start("gw-presence", REDIS, KAFKA, TOKENS, BACKENDS);
        redisClient = RedisClient.create(REDIS.uri());
        redis = redisClient.connect();
    }

    @AfterAll
    static void stop() {
        otherGateway.close();
        redis.close();
        redisClient.shutdown();
    }

    @Test
    void aChangeReachesEveryWatcherOnEitherGatewayWhoMaySeeIt() {
        String alice = TestTokens.newId();
        String erin = TestTokens.newId();
        String dave = TestTokens.newId();
        BACKENDS.presence.hide(alice, dave);
        BACKENDS.presence.lastSeen(alice, 1_700_000_000_000L);
        try (TestSocket bob = connect(TestTokens.newId(), TestTokens.newId()).ready();
                TestSocket carol = connectToOther(TestTokens.newId()).ready();
                TestSocket daveSocket = connectToOther(dave).ready()) {
            bob.send(new ClientFrame.SubscribePresence(null, List.of(alice)));
            assertThat(bob.next()).isEqualTo(new ServerFrame.Presence(alice, false, 1_700_000_000_000L));
            carol.send(new ClientFrame.SubscribePresence(null, List.of(alice)));
            assertThat(carol.next()).isEqualTo(new ServerFrame.Presence(alice, false, 1_700_000_000_000L));
            daveSocket.send(new ClientFrame.SubscribePresence(null, List.of(alice, erin)));
            assertThat(daveSocket.next()).as("alice is hidden from dave").isEqualTo(new ServerFrame.Presence(erin, false, null));

            publish(alice, "1|1700000000000");
            publish(erin, "1|0");

            assertThat(bob.next()).isEqualTo(new ServerFrame.Presence(alice, true, 1_700_000_000_000L));
            assertThat(carol.next()).isEqualTo(new ServerFrame.Presence(alice, true, 1_700_000_000_000L));
            // Published after alice's change on the same gateway's subscription: had dave got alice's, it came first.
            assertThat(daveSocket.next()).isEqualTo(new ServerFrame.Presence(erin, true, null));
        }
    }

    @Test
    void anUnsubscribedConnectionGetsNoMoreChangesAndSubscriptionsEndWithTheConnection() {
        String zed = TestTokens.newId();
        String yan = TestTokens.newId();
        String channel = "parley:presence:" + zed;
        try (TestSocket first = connectToOther(TestTokens.newId()).ready();
                TestSocket second = connectToOther(TestTokens.newId()).ready()) {
            first.send(new ClientFrame.SubscribePresence(null, List.of(zed, yan)));
            first.next(ServerFrame.Presence.class);
            first.next(ServerFrame.Presence.class);
            second.send(new ClientFrame.SubscribePresence(null, List.of(zed)));
            second.next(ServerFrame.Presence.class);
            assertThat(subscribers(channel)).as("one Redis subscription per gateway, not per connection").isEqualTo(1);

            first.send(new ClientFrame.UnsubscribePresence(null, List.of(zed)));
            first.send(new ClientFrame.Ping("unsubscribed"));
            assertThat(first.next()).isEqualTo(new ServerFrame.Pong("unsubscribed"));
            publish(zed, "1|0");
            publish(yan, "1|0");

            assertThat(second.next()).isEqualTo(new ServerFrame.Presence(zed, true, null));
            assertThat(first.next()).isEqualTo(new ServerFrame.Presence(yan, true, null));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> subscribers(channel) == 0);
    }

    @Test
    void aConnectionWatchesAtMost256Users() {
        try (TestSocket socket = connectToOther(TestTokens.newId()).ready()) {
            List<String> users = IntStream.range(0, Protocol.MAX_PRESENCE_SUBSCRIPTIONS).mapToObj(i -> TestTokens.newId()).toList();
            socket.send(new ClientFrame.SubscribePresence(null, users));
            for (int i = 0; i < users.size(); i++) {
                socket.next(ServerFrame.Presence.class);
            }

            socket.send(new ClientFrame.SubscribePresence("over", List.of(TestTokens.newId())));

            ServerFrame.Error refused = socket.next(ServerFrame.Error.class);
            assertThat(refused.ref()).isEqualTo("over");
            assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        }
    }

    @Test
    void theGatewayReportsConnectionsOpenedAndClosedToPresence() {
        String frank = TestTokens.newId();
        TestSocket socket = connectToOther(frank).ready();
        await().atMost(Duration.ofSeconds(10)).until(() -> BACKENDS.presence.reported("gw-presence", frank, true));

        socket.close();

        await().atMost(Duration.ofSeconds(10)).until(() -> BACKENDS.presence.reported("gw-presence", frank, false));
        assertThat(BACKENDS.presence.reports).filteredOn(report -> report.getGatewayId().equals("gw-presence"))
                .allSatisfy(report -> assertThat(report.getLivenessTtlMillis()).isEqualTo(10_000));
    }

    private static void publish(String user, String change) {
        redis.sync().publish("parley:presence:" + user, change);
    }

    private static long subscribers(String channel) {
        return redis.sync().pubsubNumsub(channel).getOrDefault(channel, 0L);
    }

    private static TestSocket connectToOther(String user) {
        return TestSocket.connect(TestGateways.webSocketUri(otherGateway), TOKENS.accessToken(user, TestTokens.newId()));
    }
}
