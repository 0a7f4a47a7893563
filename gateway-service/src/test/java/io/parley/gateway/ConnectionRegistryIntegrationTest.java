package io.parley.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.connections.DeviceLocation;
import io.parley.connections.GatewayAddress;
import io.parley.gateway.support.TestSocket;
import io.parley.gateway.support.TestTokens;
import io.parley.proto.gateway.v1.DisconnectDeviceRequest;
import io.parley.proto.user.v1.DeviceRevoked;
import io.parley.proto.user.v1.UserEvent;
import io.parley.protocol.Protocol;
import io.parley.protocol.ServerFrame;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/** Registry entries appear with a connection, follow the newest connection of a device, and go with it. */
class ConnectionRegistryIntegrationTest extends GatewayIntegrationTest {

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void theGatewayAnnouncesWhereItAcceptsDeliveries() {
        GatewayAddress address = await().atMost(Duration.ofSeconds(10))
                .until(() -> registry.gateway(GATEWAY_ID).block(Duration.ofSeconds(5)), java.util.Objects::nonNull);

        assertThat(address).isNotNull();
        assertThat(address.host()).isEqualTo("127.0.0.1");
        assertThat(address.grpcPort()).isPositive();
    }

    @Test
    void aConnectionIsRegisteredWhileItIsOpen() {
        String user = TestTokens.newId();
        String device = TestTokens.newId();
        TestSocket socket = connect(user, device);
        ServerFrame.Hello hello = socket.hello();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(sessions(user))
                .extracting(DeviceLocation::deviceId, DeviceLocation::gatewayId, DeviceLocation::connectionId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(device, GATEWAY_ID, hello.connectionId())));

        socket.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> sessions(user).isEmpty());
    }

    @Test
    void aNewerConnectionOfTheSameDeviceReplacesTheOlderOne() {
        String user = TestTokens.newId();
        String device = TestTokens.newId();
        try (TestSocket older = connect(user, device); TestSocket newer = connect(user, device)) {
            older.hello();
            ServerFrame.Hello current = newer.hello();

            assertThat(older.awaitClose()).isEqualTo(Protocol.CLOSE_REPLACED);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(sessions(user)).extracting(DeviceLocation::connectionId).containsExactly(current.connectionId()));
        }
    }

    @Test
    void aConnectionReplacedOnAnotherGatewayClosesAtItsNextRefresh() {
        String user = TestTokens.newId();
        String device = TestTokens.newId();
        try (TestSocket socket = connect(user, device)) {
            socket.hello();
            await().atMost(Duration.ofSeconds(5)).until(() -> sessions(user).size() == 1);

            registry.register(new DeviceLocation(user, device, "gw-elsewhere", "newer", System.currentTimeMillis())).block();

            assertThat(socket.awaitClose()).isEqualTo(Protocol.CLOSE_REPLACED);
            assertThat(sessions(user)).extracting(DeviceLocation::gatewayId).containsExactly("gw-elsewhere");
        }
    }

    @Test
    void disconnectDeviceClosesTheDevicesConnection() {
        String user = TestTokens.newId();
        String device = TestTokens.newId();
        try (TestSocket socket = connect(user, device)) {
            socket.hello();

            int closed = deliveryAs("user-service").disconnectDevice(DisconnectDeviceRequest.newBuilder().setUserId(user).setDeviceId(device)
                    .setReason("logged out").build()).getClosedConnections();

            assertThat(closed).isEqualTo(1);
            assertThat(socket.awaitClose()).isEqualTo(Protocol.CLOSE_DEVICE_REVOKED);
        }
    }

    @Test
    void aDeviceRevokedEventClosesTheDevicesConnection() throws Exception {
        String user = TestTokens.newId();
        String device = TestTokens.newId();
        try (TestSocket socket = connect(user, device); TestSocket otherDevice = connect(user, TestTokens.newId())) {
            socket.hello();
            otherDevice.hello();
            UserEvent revoked = UserEvent.newBuilder().setEventId("e1").setUserId(user)
                    .setDeviceRevoked(DeviceRevoked.newBuilder().setDeviceId(device).setReason(DeviceRevoked.Reason.REASON_REVOKED_BY_OWNER)).build();
            // The listener reads from the newest offset once it has its partitions: publish after that.
            await().atMost(Duration.ofSeconds(60)).until(() -> listeners.getListenerContainers().stream()
                    .allMatch(container -> container.getAssignedPartitions() != null
                            && !container.getAssignedPartitions().isEmpty()));

            try (KafkaProducer<String, byte[]> producer = producer()) {
                producer.send(new ProducerRecord<>(USER_EVENTS, user, revoked.toByteArray())).get();
            }

            assertThat(socket.awaitClose()).isEqualTo(Protocol.CLOSE_DEVICE_REVOKED);
            assertThat(otherDevice.isClosed()).as("only the revoked device").isFalse();
        }
    }

    private List<DeviceLocation> sessions(String user) {
        return registry.onlineDevices(user).collectList().block(Duration.ofSeconds(5));
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", KAFKA.bootstrapServers());
        return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }
}
