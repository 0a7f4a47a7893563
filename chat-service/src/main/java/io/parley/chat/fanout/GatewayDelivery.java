package io.parley.chat.fanout;

import io.parley.connections.DeviceLocation;
import io.parley.grpc.calls.UnaryCalls;
import io.parley.proto.chat.v1.InboxEntry;
import io.parley.proto.gateway.v1.DeliverRequest;
import io.parley.proto.gateway.v1.DeliverResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link DeviceDelivery} through the Delivery service of the gateway named in the device's registry entry. */
final class GatewayDelivery implements DeviceDelivery {

    private static final Logger log = LoggerFactory.getLogger(GatewayDelivery.class);

    private final GatewayDirectory gateways;
    private final Duration deadline;

    GatewayDelivery(GatewayDirectory gateways, Duration deadline) {
        this.gateways = gateways;
        this.deadline = deadline;
    }

    @Override
    public CompletableFuture<FanoutOutcome> deliver(DeviceLocation device, List<InboxEntry> entries) {
        DeliverRequest request = DeliverRequest.newBuilder()
                .setUserId(device.userId())
                .setDeviceId(device.deviceId())
                .setConnectionId(device.connectionId())
                .addAllEntries(entries)
                .build();
        return gateways.stub(device.gatewayId())
                .thenCompose(stub -> stub.isEmpty()
                        ? CompletableFuture.completedFuture(FanoutOutcome.NOT_CONNECTED)
                        : UnaryCalls.<DeliverResponse>future(observer -> stub.get()
                                        .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                                        .deliver(request, observer))
                                .thenApply(response -> FanoutOutcome.of(response.getOutcome())))
                .exceptionally(failure -> {
                    log.debug("Live delivery failed gateway={}: {}", device.gatewayId(), failure.toString());
                    return FanoutOutcome.FAILED;
                });
    }
}
