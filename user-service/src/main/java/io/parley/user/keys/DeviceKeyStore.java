package io.parley.user.keys;

import com.datastax.oss.driver.api.core.cql.Row;
import io.parley.cassandra.async.ReactiveCql;
import java.util.UUID;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

@Repository
class DeviceKeyStore {

    private final ReactiveCql cql;

    DeviceKeyStore(ReactiveCql cql) {
        this.cql = cql;
    }

    Mono<DeviceKeys> find(UUID userId, UUID deviceId) {
        return cql.one("SELECT identity_key, signed_prekey_id, signed_prekey, signed_prekey_signature, updated_at FROM device_keys "
                        + "WHERE user_id = ? AND device_id = ?", userId, deviceId)
                .filter(row -> row.getByteBuffer("identity_key") != null)
                .map(DeviceKeyStore::keys);
    }

    Mono<Void> put(UUID userId, UUID deviceId, DeviceKeys keys) {
        return cql.run("INSERT INTO device_keys (user_id, device_id, identity_key, signed_prekey_id, signed_prekey, "
                        + "signed_prekey_signature, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", userId, deviceId,
                Blobs.buffer(keys.identityKey()), keys.signedPreKeyId(), Blobs.buffer(keys.signedPreKey()),
                Blobs.buffer(keys.signedPreKeySignature()), keys.updatedAt());
    }

    Mono<Void> delete(UUID userId, UUID deviceId) {
        return cql.run("DELETE FROM device_keys WHERE user_id = ? AND device_id = ?", userId, deviceId);
    }

    private static DeviceKeys keys(Row row) {
        return new DeviceKeys(Blobs.bytes(row.getByteBuffer("identity_key")), row.getInt("signed_prekey_id"),
                Blobs.bytes(row.getByteBuffer("signed_prekey")), Blobs.bytes(row.getByteBuffer("signed_prekey_signature")),
                row.getInstant("updated_at"));
    }
}
