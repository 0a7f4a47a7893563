package io.parley.chat.fanout;

import io.parley.connections.DeviceLocation;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Where a user's devices are connected right now (the connection registry); fails when it cannot be asked. */
@FunctionalInterface
interface OnlineDevices {
    CompletableFuture<List<DeviceLocation>> of(String userId);
}
