package io.parley.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.testkit.ReactiveRedisExtension;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

@Tag("integration")
@Timeout(60)
class SessionRegistryIntegrationTest {

    @RegisterExtension
    static final ReactiveRedisExtension REDIS = new ReactiveRedisExtension();

    static ReactiveStringRedisTemplate redis;

    @BeforeAll
    static void connect() {
        redis = REDIS.template();
    }

    @Test
    void listsEveryOnlineDeviceOfAUser() {
        SessionRegistry registry = new SessionRegistry(redis, Duration.ofMinutes(1));
        registry.register(new DeviceSession("alice", "phone", "gw-1", "c1", 1)).block();
        registry.register(new DeviceSession("alice", "laptop", "gw-2", "c2", 2)).block();
        registry.register(new DeviceSession("bob", "phone", "gw-1", "c3", 3)).block();

        assertThat(registry.onlineDevices("alice").collectList().block())
                .extracting(DeviceSession::deviceId, DeviceSession::gatewayId, DeviceSession::connectionId)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("phone", "gw-1", "c1"),
                        org.assertj.core.groups.Tuple.tuple("laptop", "gw-2", "c2"));
    }

    @Test
    void aDeviceWhoseEntryIsGoneIsLeftOutAndPrunedFromTheIndex() {
        SessionRegistry registry = new SessionRegistry(redis, Duration.ofMinutes(1));
        DeviceSession phone = new DeviceSession("gina", "phone", "gw-1", "c1", 1);
        registry.register(phone).block();
        registry.register(new DeviceSession("gina", "laptop", "gw-2", "c2", 2)).block();
        redis.delete(SessionKeys.device("gina", "laptop")).block();

        assertThat(registry.onlineDevices("gina").collectList().block()).containsExactly(phone);
        assertThat(redis.opsForSet().members(SessionKeys.index("gina")).collectList().block()).containsExactly("phone");
        assertThat(registry.onlineDevices("nobody").collectList().block()).isEmpty();
    }

    @Test
    void aNewerConnectionOfTheSameDeviceIsNotRemovedByTheOlderOnesClose() {
        SessionRegistry registry = new SessionRegistry(redis, Duration.ofMinutes(1));
        DeviceSession old = new DeviceSession("carol", "phone", "gw-1", "old", 1);
        DeviceSession reconnected = new DeviceSession("carol", "phone", "gw-2", "new", 2);
        registry.register(old).block();
        registry.register(reconnected).block();

        assertThat(registry.remove(old).block()).isFalse();
        assertThat(registry.onlineDevices("carol").collectList().block()).containsExactly(reconnected);
        assertThat(registry.remove(reconnected).block()).isTrue();
        assertThat(registry.onlineDevices("carol").collectList().block()).isEmpty();
    }

    @Test
    void aRefreshKeepsTheEntryButNeverTakesItBackFromANewerConnection() {
        SessionRegistry registry = new SessionRegistry(redis, Duration.ofMinutes(1));
        DeviceSession old = new DeviceSession("erin", "phone", "gw-1", "old", 1);
        DeviceSession reconnected = new DeviceSession("erin", "phone", "gw-2", "new", 2);
        registry.register(old).block();
        assertThat(registry.refresh(old).block()).isTrue();

        registry.register(reconnected).block();

        assertThat(registry.refresh(old).block()).isFalse();
        assertThat(registry.refresh(reconnected).block()).isTrue();
        assertThat(registry.onlineDevices("erin").collectList().block()).containsExactly(reconnected);
    }

    @Test
    void aRefreshRecreatesAnEntryRedisLost() {
        SessionRegistry registry = new SessionRegistry(redis, Duration.ofMinutes(1));
        DeviceSession session = new DeviceSession("frank", "phone", "gw-1", "c", 1);
        registry.register(session).block();
        redis.delete(SessionKeys.device("frank", "phone"), SessionKeys.index("frank")).block();

        assertThat(registry.refresh(session).block()).isTrue();
        assertThat(registry.onlineDevices("frank").collectList().block()).containsExactly(session);
    }

    @Test
    void entriesOfAGatewayThatStopsRefreshingExpire() {
        SessionRegistry registry = new SessionRegistry(redis, Duration.ofSeconds(1));
        registry.register(new DeviceSession("dave", "phone", "gw-dead", "c", 1)).block();
        assertThat(registry.onlineDevices("dave").collectList().block()).hasSize(1);

        await().atMost(Duration.ofSeconds(10)).until(() -> registry.onlineDevices("dave").collectList().block().isEmpty());
    }

    @Test
    void gatewaysAnnounceWhereTheyAcceptDeliveries() {
        SessionRegistry registry = new SessionRegistry(redis, Duration.ofMinutes(1));
        registry.announceGateway(new GatewayAddress("gw-9", "10.0.0.9", 9080), Duration.ofMinutes(1)).block();

        assertThat(registry.gateway("gw-9").block()).isEqualTo(new GatewayAddress("gw-9", "10.0.0.9", 9080));
        registry.withdrawGateway("gw-9").block();
        assertThat(registry.gateway("gw-9").blockOptional()).isEmpty();
    }
}
