package io.parley.chat.fanout;

import io.parley.sessions.DeviceSession;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Where a user's devices are connected right now (the session registry); fails when it cannot be asked. */
@FunctionalInterface
interface OnlineDevices {
    CompletableFuture<List<DeviceSession>> of(String userId);
}
