package io.parley.user.device;

import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.Row;
import io.parley.cassandra.async.ReactiveCql;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class DeviceStore {

    private static final String COLUMNS =
            "user_id, device_id, platform, name, session_id, created_at, last_active_at, revoked_at";

    private final ReactiveCql cql;

    DeviceStore(ReactiveCql cql) {
        this.cql = cql;
    }

    Mono<StoredDevice> find(UUID userId, UUID deviceId) {
        return cql.one("SELECT " + COLUMNS + " FROM devices WHERE user_id = ? AND device_id = ?", userId, deviceId)
                .mapNotNull(DeviceStore::device);
    }

    Flux<StoredDevice> list(UUID userId) {
        return cql.all("SELECT " + COLUMNS + " FROM devices WHERE user_id = ?", userId).mapNotNull(DeviceStore::device);
    }

    /** Starts a new session for the device, replacing any previous one (its refresh tokens stop working). */
    Mono<Void> bind(UUID userId, NewDevice device, UUID sessionId, Instant now) {
        return cql.run("INSERT INTO devices (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, null)", userId, device.deviceId(),
                device.platform().name(), device.name(), sessionId, now, now);
    }

    Mono<Void> touch(UUID userId, UUID deviceId, Instant now) {
        return cql.run("UPDATE devices SET last_active_at = ? WHERE user_id = ? AND device_id = ?", now, userId, deviceId);
    }

    /** Signs the device out and records the outbox entry, atomically (logged batch). */
    Mono<Void> markRevoked(PendingRevocation pending) {
        return Mono.zip(
                        cql.bind("INSERT INTO pending_device_revocations (shard, user_id, device_id, reason, revoked_at, event_id) "
                                        + "VALUES (?, ?, ?, ?, ?, ?)", pending.shard(), pending.userId(), pending.deviceId(),
                                pending.reason().name(), pending.revokedAt(), pending.eventId()),
                        cql.bind("UPDATE devices SET session_id = null, revoked_at = ? WHERE user_id = ? AND device_id = ?",
                                pending.revokedAt(), pending.userId(), pending.deviceId()))
                .flatMap(both -> cql.execute(BatchStatement.newInstance(DefaultBatchType.LOGGED, both.getT1(), both.getT2())))
                .then();
    }

    Mono<Void> delete(UUID userId, UUID deviceId) {
        return cql.run("DELETE FROM devices WHERE user_id = ? AND device_id = ?", userId, deviceId);
    }

    Flux<PendingRevocation> pending(int shard) {
        return cql.all("SELECT user_id, device_id, reason, revoked_at, event_id FROM pending_device_revocations WHERE shard = ?", shard)
                .map(DeviceStore::pending);
    }

    Mono<PendingRevocation> pendingFor(UUID userId, UUID deviceId) {
        return cql.one("SELECT user_id, device_id, reason, revoked_at, event_id FROM pending_device_revocations "
                        + "WHERE shard = ? AND user_id = ? AND device_id = ?", PendingRevocation.shardOf(userId), userId, deviceId)
                .map(DeviceStore::pending);
    }

    Mono<Void> deletePending(PendingRevocation pending) {
        return cql.run("DELETE FROM pending_device_revocations WHERE shard = ? AND user_id = ? AND device_id = ?",
                pending.shard(), pending.userId(), pending.deviceId());
    }

    /** Null for a row that only holds a late last-active update of a device deleted meanwhile. */
    private static StoredDevice device(Row row) {
        String platform = row.getString("platform");
        if (platform == null) {
            return null;
        }
        return new StoredDevice(row.getUuid("user_id"), row.getUuid("device_id"), Platform.valueOf(platform),
                row.getString("name"), row.getUuid("session_id"), row.getInstant("created_at"),
                row.getInstant("last_active_at"), row.getInstant("revoked_at"));
    }

    private static PendingRevocation pending(Row row) {
        return new PendingRevocation(row.getUuid("user_id"), row.getUuid("device_id"),
                RevocationReason.valueOf(row.getString("reason")), row.getInstant("revoked_at"), row.getUuid("event_id"));
    }
}
