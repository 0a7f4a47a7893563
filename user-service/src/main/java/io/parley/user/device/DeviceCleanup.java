package io.parley.user.device;

import java.util.UUID;
import reactor.core.publisher.Mono;

/** Per-device state of other features (E2EE keys) that must go when a device is revoked. Must be idempotent. */
public interface DeviceCleanup {

    Mono<Void> deviceRemoved(UUID userId, UUID deviceId);
}
