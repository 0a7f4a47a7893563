package io.parley.chat.fanout;

import io.parley.proto.chat.v1.InboxEntry;
import io.parley.sessions.DeviceSession;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Hands entries to the gateway holding a device's connection; never completes exceptionally. */
@FunctionalInterface
interface DeviceDelivery {
    CompletableFuture<FanoutOutcome> deliver(DeviceSession device, List<InboxEntry> entries);
}
