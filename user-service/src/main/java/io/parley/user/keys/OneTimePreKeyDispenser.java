package io.parley.user.keys;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Hands out each one-time prekey at most once, also to concurrent fetches: a key is claimed with a
 * lightweight transaction on a partition of its own, and deleted before it is returned, so a key whose
 * deletion failed was never seen by anyone.
 */
@Component
class OneTimePreKeyDispenser {

    /** Re-reads of the available keys when every key of the previous read was claimed by someone else. */
    private static final int MAX_READS = 4;

    private final OneTimePreKeyStore store;

    OneTimePreKeyDispenser(OneTimePreKeyStore store) {
        this.store = store;
    }

    /** One key of the device for this fetch alone; empty when the device has none left. */
    Mono<Optional<OneTimePreKey>> takeOne(UUID userId, UUID deviceId) {
        return takeOne(userId, deviceId, UUID.randomUUID(), 0);
    }

    /** Tries the available keys in random order, so concurrent fetches rarely contend for the same one. */
    private Mono<Optional<OneTimePreKey>> takeOne(UUID userId, UUID deviceId, UUID claimId, int read) {
        return store.available(userId, deviceId).collectList().flatMap(available -> {
            if (available.isEmpty()) {
                return Mono.just(Optional.<OneTimePreKey>empty());
            }
            List<OneTimePreKey> candidates = new ArrayList<>(available);
            Collections.shuffle(candidates, ThreadLocalRandom.current());
            return Flux.fromIterable(candidates)
                    .concatMap(key -> store.claim(userId, deviceId, key, claimId).filter(Boolean::booleanValue).map(won -> key))
                    .next()
                    .flatMap(key -> store.remove(userId, deviceId, key.keyId()).thenReturn(Optional.of(key)))
                    .switchIfEmpty(Mono.defer(() -> read + 1 < MAX_READS
                            ? takeOne(userId, deviceId, claimId, read + 1)
                            : Mono.just(Optional.empty())));
        });
    }
}
