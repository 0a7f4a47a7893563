package io.parley.user.keys;

import io.parley.user.device.DeviceCleanup;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A revoked device's keys must not appear in bundles any more. */
@Component
class DeviceKeyCleanup implements DeviceCleanup {

    private final DeviceKeyStore deviceKeys;
    private final OneTimePreKeyStore oneTimePreKeys;

    DeviceKeyCleanup(DeviceKeyStore deviceKeys, OneTimePreKeyStore oneTimePreKeys) {
        this.deviceKeys = deviceKeys;
        this.oneTimePreKeys = oneTimePreKeys;
    }

    @Override
    public Mono<Void> deviceRemoved(UUID userId, UUID deviceId) {
        return oneTimePreKeys.removeAll(userId, deviceId).then(deviceKeys.delete(userId, deviceId));
    }
}
