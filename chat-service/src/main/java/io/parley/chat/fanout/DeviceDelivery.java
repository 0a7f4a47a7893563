package io.parley.chat.fanout;

import io.parley.connections.DeviceLocation;
import io.parley.proto.chat.v1.InboxEntry;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Hands entries to the gateway holding a device's connection; never completes exceptionally. */
@FunctionalInterface
interface DeviceDelivery {
    CompletableFuture<FanoutOutcome> deliver(DeviceLocation device, List<InboxEntry> entries);
}
