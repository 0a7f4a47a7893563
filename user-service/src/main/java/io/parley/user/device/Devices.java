package io.parley.user.device;

import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The devices of a user: binding one at login, listing them, and whether a token's session is still current. */
@Service
public class Devices {

    private final DeviceStore store;
    private final DeviceSlots slots;
    private final DeviceRevocation revocation;
    private final DeviceSettings settings;
    private final Clock clock;

    Devices(DeviceStore store, DeviceSlots slots, DeviceRevocation revocation, DeviceSettings settings, Clock clock) {
        this.store = store;
        this.slots = slots;
        this.revocation = revocation;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Binds the device to the user with a new session and returns its id. Logging in again on a device
     * that is still being revoked (say, right after logout) first finishes that revocation.
     */
    public Mono<UUID> bind(UUID userId, NewDevice device) {
        return store.find(userId, device.deviceId())
                .filter(existing -> existing.revokedAt() != null)
                .flatMap(revoking -> revocation.finish(userId, device.deviceId()))
                .then(slots.claim(userId, device.deviceId(), settings.maxPerUser()))
                .then(Mono.defer(() -> {
                    UUID sessionId = UUID.randomUUID();
                    return store.bind(userId, device, sessionId, clock.instant()).thenReturn(sessionId);
                }));
    }

    public Flux<Device> list(UUID userId) {
        return store.list(userId).filter(StoredDevice::active).map(StoredDevice::view);
    }

    public Mono<Device> find(UUID userId, UUID deviceId) {
        return store.find(userId, deviceId).filter(StoredDevice::active).map(StoredDevice::view);
    }

    /** True while the device is signed in with this session (its tokens were issued for it). */
    public Mono<Boolean> isCurrentSession(UUID userId, UUID deviceId, UUID sessionId) {
        return store.find(userId, deviceId)
                .map(device -> device.active() && device.sessionId().equals(sessionId))
                .defaultIfEmpty(false);
    }

    public Mono<Void> touch(UUID userId, UUID deviceId) {
        return store.touch(userId, deviceId, clock.instant());
    }
}
