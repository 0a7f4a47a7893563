package io.parley.gateway.delivery;

import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.parley.gateway.auth.DeviceIdentity;
import io.parley.gateway.connection.CloseReason;
import io.parley.gateway.connection.DeviceConnection;
import io.parley.gateway.device.ConnectedDevice;
import io.parley.gateway.device.ConnectedDevices;
import io.parley.proto.chat.v1.InboxEntry;
import io.parley.proto.gateway.v1.DeliverRequest;
import io.parley.proto.gateway.v1.DeliverResponse;
import io.parley.proto.gateway.v1.DeliveryGrpc;
import io.parley.proto.gateway.v1.DeliveryOutcome;
import io.parley.proto.gateway.v1.DisconnectDeviceRequest;
import io.parley.proto.gateway.v1.DisconnectDeviceResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Service;

/**
 * chat-service pushes inbox entries to the connection the connection registry named. Never blocks: entries go to the
 * connection's inbox stream and bounded queue; a device that does not read is disconnected (OVERLOADED) and
 * catches up through sync, as does one whose connection is gone (NOT_CONNECTED).
 */
@Service
public class DeliveryGrpcService extends DeliveryGrpc.DeliveryImplBase {

    private final ConnectedDevices devices;
    private final Clock clock;
    private final Map<DeliveryOutcome, Counter> outcomes = new EnumMap<>(DeliveryOutcome.class);
    private final Timer sendToDelivered;

    public DeliveryGrpcService(ConnectedDevices devices, MeterRegistry meters, Clock clock) {
        this.devices = devices;
        this.clock = clock;
        for (DeliveryOutcome outcome : List.of(DeliveryOutcome.DELIVERY_OUTCOME_QUEUED,
                DeliveryOutcome.DELIVERY_OUTCOME_NOT_CONNECTED, DeliveryOutcome.DELIVERY_OUTCOME_OVERLOADED)) {
            outcomes.put(outcome, Counter.builder("parley.gateway.deliveries")
                    .description("Delivery calls from chat-service, by outcome")
                    .tag("outcome", outcome.name().substring("DELIVERY_OUTCOME_".length()).toLowerCase())
                    .register(meters));
        }
        this.sendToDelivered = Timer.builder("parley.gateway.delivery.latency")
                .description("From a message's acceptance by chat-service to its hand-off to a recipient device's connection")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(meters);
    }

    @Override
    public void deliver(DeliverRequest request, StreamObserver<DeliverResponse> response) {
        DeliveryOutcome outcome = devices.byConnectionId(request.getConnectionId())
                .filter(device -> device.connection().isOpen())
                .filter(device -> device.connection().identity().equals(identity(request.getUserId(), request.getDeviceId())))
                .map(device -> deliver(device, request))
                .orElse(DeliveryOutcome.DELIVERY_OUTCOME_NOT_CONNECTED);
        outcomes.get(outcome).increment();
        if (outcome == DeliveryOutcome.DELIVERY_OUTCOME_QUEUED) {
            recordSendToDelivered(request.getEntriesList());
        }
        response.onNext(DeliverResponse.newBuilder().setOutcome(outcome).build());
        response.onCompleted();
    }

    private void recordSendToDelivered(List<InboxEntry> entries) {
        long now = clock.millis();
        for (InboxEntry entry : entries) {
            if (entry.hasMessage()) {
                sendToDelivered.record(Math.max(0, now - entry.getMessage().getSentAtEpochMillis()), TimeUnit.MILLISECONDS);
            }
        }
    }

    private static DeliveryOutcome deliver(ConnectedDevice device, DeliverRequest request) {
        return device.inbox().deliver(request.getEntriesList())
                ? DeliveryOutcome.DELIVERY_OUTCOME_QUEUED
                : DeliveryOutcome.DELIVERY_OUTCOME_OVERLOADED;
    }

    @Override
    public void disconnectDevice(DisconnectDeviceRequest request, StreamObserver<DisconnectDeviceResponse> response) {
        List<DeviceConnection> open = devices.connectionsOf(identity(request.getUserId(), request.getDeviceId()));
        open.forEach(connection -> connection.abort(CloseReason.DEVICE_REVOKED));
        response.onNext(DisconnectDeviceResponse.newBuilder().setClosedConnections(open.size()).build());
        response.onCompleted();
    }

    private static DeviceIdentity identity(String userId, String deviceId) {
        return new DeviceIdentity(userId, deviceId);
    }
}
