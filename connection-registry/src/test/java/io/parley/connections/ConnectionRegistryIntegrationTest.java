package io.parley.connections;

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
class ConnectionRegistryIntegrationTest {

    @RegisterExtension
    static final ReactiveRedisExtension REDIS = new ReactiveRedisExtension();

    static ReactiveStringRedisTemplate redis;

    @BeforeAll
    static void connect() {
        redis = REDIS.template();
    }

    @Test
    void listsEveryOnlineDeviceOfAUser() {
        ConnectionRegistry registry = new ConnectionRegistry(redis, Duration.ofMinutes(1));
        registry.register(new DeviceLocation("alice", "phone", "gw-1", "c1", 1)).block();
        registry.register(new DeviceLocation("alice", "laptop", "gw-2", "c2", 2)).block();
        registry.register(new DeviceLocation("bob", "phone", "gw-1", "c3", 3)).block();

        assertThat(registry.onlineDevices("alice").collectList().block())
                .extracting(DeviceLocation::deviceId, DeviceLocation::gatewayId, DeviceLocation::connectionId)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("phone", "gw-1", "c1"),
                        org.assertj.core.groups.Tuple.tuple("laptop", "gw-2", "c2"));
    }

    @Test
    void aDeviceWhoseEntryIsGoneIsLeftOutAndPrunedFromTheIndex() {
        ConnectionRegistry registry = new ConnectionRegistry(redis, Duration.ofMinutes(1));
        DeviceLocation phone = new DeviceLocation("gina", "phone", "gw-1", "c1", 1);
        registry.register(phone).block();
        registry.register(new DeviceLocation("gina", "laptop", "gw-2", "c2", 2)).block();
        redis.delete(RegistryKeys.device("gina", "laptop")).block();

        assertThat(registry.onlineDevices("gina").collectList().block()).containsExactly(phone);
        assertThat(redis.opsForSet().members(RegistryKeys.index("gina")).collectList().block()).containsExactly("phone");
        assertThat(registry.onlineDevices("nobody").collectList().block()).isEmpty();
    }

    @Test
    void aNewerConnectionOfTheSameDeviceIsNotRemovedByTheOlderOnesClose() {
        ConnectionRegistry registry = new ConnectionRegistry(redis, Duration.ofMinutes(1));
        DeviceLocation old = new DeviceLocation("carol", "phone", "gw-1", "old", 1);
        DeviceLocation reconnected = new DeviceLocation("carol", "phone", "gw-2", "new", 2);
        registry.register(old).block();
        registry.register(reconnected).block();

        assertThat(registry.remove(old).block()).isFalse();
        assertThat(registry.onlineDevices("carol").collectList().block()).containsExactly(reconnected);
        assertThat(registry.remove(reconnected).block()).isTrue();
        assertThat(registry.onlineDevices("carol").collectList().block()).isEmpty();
    }

    @Test
    void aRefreshKeepsTheEntryButNeverTakesItBackFromANewerConnection() {
        ConnectionRegistry registry = new ConnectionRegistry(redis, Duration.ofMinutes(1));
        DeviceLocation old = new DeviceLocation("erin", "phone", "gw-1", "old", 1);
        DeviceLocation reconnected = new DeviceLocation("erin", "phone", "gw-2", "new", 2);
        registry.register(old).block();
        assertThat(registry.refresh(old).block()).isTrue();

        registry.register(reconnected).block();

        assertThat(registry.refresh(old).block()).isFalse();
        assertThat(registry.refresh(reconnected).block()).isTrue();
        assertThat(registry.onlineDevices("erin").collectList().block()).containsExactly(reconnected);
    }

    @Test
    void aRefreshRecreatesAnEntryRedisLost() {
        ConnectionRegistry registry = new ConnectionRegistry(redis, Duration.ofMinutes(1));
        DeviceLocation location = new DeviceLocation("frank", "phone", "gw-1", "c", 1);
        registry.register(location).block();
        redis.delete(RegistryKeys.device("frank", "phone"), RegistryKeys.index("frank")).block();

        assertThat(registry.refresh(location).block()).isTrue();
        assertThat(registry.onlineDevices("frank").collectList().block()).containsExactly(location);
    }

    @Test
    void entriesOfAGatewayThatStopsRefreshingExpire() {
        ConnectionRegistry registry = new ConnectionRegistry(redis, Duration.ofSeconds(1));
        registry.register(new DeviceLocation("dave", "phone", "gw-dead", "c", 1)).block();
        assertThat(registry.onlineDevices("dave").collectList().block()).hasSize(1);

        await().atMost(Duration.ofSeconds(10)).until(() -> registry.onlineDevices("dave").collectList().block().isEmpty());
    }

    @Test
    void gatewaysAnnounceWhereTheyAcceptDeliveries() {
        ConnectionRegistry registry = new ConnectionRegistry(redis, Duration.ofMinutes(1));
        registry.announceGateway(new GatewayAddress("gw-9", "10.0.0.9", 9080), Duration.ofMinutes(1)).block();

        assertThat(registry.gateway("gw-9").block()).isEqualTo(new GatewayAddress("gw-9", "10.0.0.9", 9080));
        registry.withdrawGateway("gw-9").block();
        assertThat(registry.gateway("gw-9").blockOptional()).isEmpty();
    }
}
