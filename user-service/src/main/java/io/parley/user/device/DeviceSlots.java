package io.parley.user.device;

import io.parley.cassandra.async.ReactiveCql;
import io.parley.user.storage.Lwt;
import io.parley.user.error.ApiProblem;
import io.parley.proto.error.v1.ErrorReason;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The set of device ids of each user, changed only by compare-and-set on a version, so two logins of
 * new devices racing for the last free slot cannot both win.
 */
@Component
class DeviceSlots {

    private static final int MAX_ATTEMPTS = 8;

    private final ReactiveCql cql;

    DeviceSlots(ReactiveCql cql) {
        this.cql = cql;
    }

    Mono<Void> claim(UUID userId, UUID deviceId, int maxDevices) {
        return change(userId, 0, slots -> {
            if (slots.ids().contains(deviceId)) {
                return Mono.just(true);
            }
            if (slots.ids().size() >= maxDevices) {
                return Mono.error(ApiProblem.withField(ErrorReason.DEVICE_LIMIT_REACHED, "device.deviceId",
                        "the account already has " + maxDevices + " devices; revoke one first"));
            }
            return slots.version() == 0
                    ? cql.applied("INSERT INTO device_slots (user_id, device_ids, version) VALUES (?, ?, 1) IF NOT EXISTS",
                            userId, Set.of(deviceId))
                    : cql.applied("UPDATE device_slots SET device_ids = device_ids + ?, version = ? WHERE user_id = ? IF version = ?",
                            Set.of(deviceId), slots.version() + 1, userId, slots.version());
        });
    }

    Mono<Void> release(UUID userId, UUID deviceId) {
        return change(userId, 0, slots -> !slots.ids().contains(deviceId)
                ? Mono.just(true)
                : cql.applied("UPDATE device_slots SET device_ids = device_ids - ?, version = ? WHERE user_id = ? IF version = ?",
                        Set.of(deviceId), slots.version() + 1, userId, slots.version()));
    }

    private Mono<Void> change(UUID userId, int attempt, Function<Slots, Mono<Boolean>> write) {
        return cql.oneSerial("SELECT device_ids, version FROM device_slots WHERE user_id = ?", userId)
                .map(row -> new Slots(row.getSet("device_ids", UUID.class), row.getInt("version")))
                .defaultIfEmpty(new Slots(Set.of(), 0))
                // An unconfirmed write is re-read on the next attempt rather than guessed.
                .flatMap(slots -> write.apply(slots).onErrorResume(Lwt::outcomeUnknown, unknown -> Mono.just(false)))
                .flatMap(applied -> {
                    if (applied) {
                        return Mono.<Void>empty();
                    }
                    if (attempt + 1 >= MAX_ATTEMPTS) {
                        return Mono.error(ApiProblem.of(ErrorReason.STORAGE_UNAVAILABLE, "Too much contention on the device list; retry"));
                    }
                    return change(userId, attempt + 1, write);
                });
    }

    private record Slots(Set<UUID> ids, int version) {
    }
}
