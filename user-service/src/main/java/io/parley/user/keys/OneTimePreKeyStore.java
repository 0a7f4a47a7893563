package io.parley.user.keys;

import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import io.parley.cassandra.async.ReactiveCql;
import io.parley.user.storage.Lwt;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Available one-time prekeys per device, and the claims that hand each out at most once. */
@Repository
class OneTimePreKeyStore {

    private final ReactiveCql cql;

    OneTimePreKeyStore(ReactiveCql cql) {
        this.cql = cql;
    }

    Flux<OneTimePreKey> available(UUID userId, UUID deviceId) {
        return cql.all("SELECT key_id, public_key, nonce FROM one_time_prekeys WHERE user_id = ? AND device_id = ?", userId, deviceId)
                .map(row -> new OneTimePreKey(row.getInt("key_id"), Blobs.bytes(row.getByteBuffer("public_key")), row.getUuid("nonce")));
    }

    /** One partition, so an unlogged batch is a single atomic write. */
    Mono<Void> add(UUID userId, UUID deviceId, List<OneTimePreKey> keys) {
        return Flux.fromIterable(keys)
                .concatMap(key -> cql.bind("INSERT INTO one_time_prekeys (user_id, device_id, key_id, public_key, nonce) VALUES (?, ?, ?, ?, ?)",
                        userId, deviceId, key.keyId(), Blobs.buffer(key.publicKey()), key.nonce()))
                .collectList()
                .flatMap(statements -> cql.execute(BatchStatement.newInstance(DefaultBatchType.UNLOGGED).addAll(statements)))
                .then();
    }

    /**
     * Claims one key for {@code claimId}: true for exactly one claimer. When Cassandra cannot confirm the
     * outcome, a serial read of the claim decides.
     */
    Mono<Boolean> claim(UUID userId, UUID deviceId, OneTimePreKey key, UUID claimId) {
        return cql.applied("INSERT INTO one_time_prekey_claims (user_id, device_id, key_id, nonce, claimed_by) VALUES (?, ?, ?, ?, ?) "
                        + "IF NOT EXISTS", userId, deviceId, key.keyId(), key.nonce(), claimId)
                .onErrorResume(Lwt::outcomeUnknown, unknown -> cql
                        .oneSerial("SELECT claimed_by FROM one_time_prekey_claims WHERE user_id = ? AND device_id = ? AND key_id = ? "
                                + "AND nonce = ?", userId, deviceId, key.keyId(), key.nonce())
                        .map(row -> claimId.equals(row.getUuid("claimed_by")))
                        .defaultIfEmpty(false));
    }

    Mono<Void> remove(UUID userId, UUID deviceId, int keyId) {
        return cql.run("DELETE FROM one_time_prekeys WHERE user_id = ? AND device_id = ? AND key_id = ?", userId, deviceId, keyId);
    }

    Mono<Void> removeAll(UUID userId, UUID deviceId) {
        return cql.run("DELETE FROM one_time_prekeys WHERE user_id = ? AND device_id = ?", userId, deviceId);
    }
}
