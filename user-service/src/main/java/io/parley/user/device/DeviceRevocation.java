package io.parley.user.device;

import io.parley.user.events.UserEventPublisher;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Signs a device out in three steps: (1) end its session and record an outbox entry in one logged batch,
 * so its tokens stop working at once; (2) publish DeviceRevoked and wait for Kafka's acknowledgement;
 * (3) delete its keys, row and slot, then the outbox entry. A failure after (1) leaves the entry for the
 * sweeper (or the next attempt) to finish, so the event is never lost, only possibly repeated.
 */
@Service
public class DeviceRevocation {

    private static final Logger log = LoggerFactory.getLogger(DeviceRevocation.class);

    private final DeviceStore store;
    private final DeviceSlots slots;
    private final UserEventPublisher events;
    private final List<DeviceCleanup> cleanups;
    private final Clock clock;

    DeviceRevocation(DeviceStore store, DeviceSlots slots, UserEventPublisher events, List<DeviceCleanup> cleanups, Clock clock) {
        this.store = store;
        this.slots = slots;
        this.events = events;
        this.cleanups = cleanups;
        this.clock = clock;
    }

    /** False when the user has no such device. Revoking a device that is already being revoked finishes the job. */
    public Mono<Boolean> revoke(UUID userId, UUID deviceId, RevocationReason reason) {
        return store.find(userId, deviceId)
                .flatMap(device -> (device.revokedAt() != null
                        ? finish(userId, deviceId)
                        : start(device, reason).flatMap(this::complete)).thenReturn(true))
                .defaultIfEmpty(false);
    }

    /** Completes a revocation that an earlier attempt left half done; nothing when there is none. */
    Mono<Void> finish(UUID userId, UUID deviceId) {
        return store.pendingFor(userId, deviceId)
                .flatMap(this::complete)
                .switchIfEmpty(Mono.defer(() -> removeDeviceData(userId, deviceId)));
    }

    /** Finishes outbox entries older than {@code olderThan}; younger ones are probably still in progress. */
    Mono<Long> sweep(Instant olderThan) {
        return Flux.range(0, PendingRevocation.SHARDS)
                .concatMap(store::pending)
                .filter(pending -> pending.revokedAt().isBefore(olderThan))
                .concatMap(pending -> complete(pending).thenReturn(1L)
                        .onErrorResume(failure -> {
                            log.warn("Could not finish revocation of device {} of user {}: {}", pending.deviceId(),
                                    pending.userId(), failure.toString());
                            return Mono.just(0L);
                        }))
                .reduce(0L, Long::sum);
    }

    private Mono<PendingRevocation> start(StoredDevice device, RevocationReason reason) {
        PendingRevocation pending = new PendingRevocation(device.userId(), device.deviceId(), reason, clock.instant(), UUID.randomUUID());
        return store.markRevoked(pending).thenReturn(pending);
    }

    private Mono<Void> complete(PendingRevocation pending) {
        return events.deviceRevoked(pending.eventId(), pending.userId(), pending.deviceId(), pending.reason().proto(),
                        pending.revokedAt())
                .then(removeDeviceData(pending.userId(), pending.deviceId()))
                .then(store.deletePending(pending));
    }

    private Mono<Void> removeDeviceData(UUID userId, UUID deviceId) {
        return Flux.fromIterable(cleanups)
                .concatMap(cleanup -> cleanup.deviceRemoved(userId, deviceId))
                .then(store.delete(userId, deviceId))
                .then(slots.release(userId, deviceId));
    }
}
