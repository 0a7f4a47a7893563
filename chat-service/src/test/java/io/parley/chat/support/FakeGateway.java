package io.parley.chat.support;

import io.grpc.Grpc;
import io.grpc.Server;
import io.grpc.stub.StreamObserver;
import io.parley.proto.chat.v1.InboxEntry;
import io.parley.proto.gateway.v1.DeliverRequest;
import io.parley.proto.gateway.v1.DeliverResponse;
import io.parley.proto.gateway.v1.DeliveryGrpc;
import io.parley.proto.gateway.v1.DeliveryOutcome;
import io.parley.proto.gateway.v1.DisconnectDeviceRequest;
import io.parley.proto.gateway.v1.DisconnectDeviceResponse;
import io.parley.testkit.ServiceIdentityCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A gateway's Delivery service over a real socket, recording what it is asked to deliver to each device. */
public final class FakeGateway extends DeliveryGrpc.DeliveryImplBase implements AutoCloseable {

    private final Map<String, List<InboxEntry>> delivered = new ConcurrentHashMap<>();
    private final Map<String, DeliveryOutcome> outcomes = new ConcurrentHashMap<>();
    private final Server server;

    public FakeGateway() {
        try {
            server = Grpc.newServerBuilderForPort(0, ServiceIdentityCredentials.serving("gateway-service")).addService(this).build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getPort();
    }

    /** Answers deliveries to {@code connectionId} with {@code outcome} (QUEUED by default). */
    public void answer(String connectionId, DeliveryOutcome outcome) {
        outcomes.put(connectionId, outcome);
    }

    /** Entries delivered to the device, in the order they arrived. */
    public List<InboxEntry> deliveredTo(String deviceId) {
        return List.copyOf(delivered.getOrDefault(deviceId, List.of()));
    }

    @Override
    public void deliver(DeliverRequest request, StreamObserver<DeliverResponse> responses) {
        DeliveryOutcome outcome = outcomes.getOrDefault(request.getConnectionId(), DeliveryOutcome.DELIVERY_OUTCOME_QUEUED);
        if (outcome == DeliveryOutcome.DELIVERY_OUTCOME_QUEUED) {
            delivered.computeIfAbsent(request.getDeviceId(), device -> new CopyOnWriteArrayList<>())
                    .addAll(request.getEntriesList());
        }
        responses.onNext(DeliverResponse.newBuilder().setOutcome(outcome).build());
        responses.onCompleted();
    }

    @Override
    public void disconnectDevice(DisconnectDeviceRequest request, StreamObserver<DisconnectDeviceResponse> responses) {
        responses.onNext(DisconnectDeviceResponse.getDefaultInstance());
        responses.onCompleted();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
