package io.parley.push.tokens;

import com.datastax.oss.driver.api.core.cql.Row;
import io.parley.cassandra.async.ReactiveCql;
import java.time.Duration;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The token registry in Cassandra ({@code push_tokens}, one row per device, partitioned by user). Plain writes:
 * a device registers its own token, so two writers of one row are the same device racing itself, and the last
 * write is the token it holds. Only the removal of a token a platform rejected is conditional, so it cannot
 * remove a fresh token the device registered meanwhile.
 */
public class PushTokenStore {

    private static final String COLUMNS = "user_id, device_id, platform, token_value, apns_topic, apns_sandbox, "
            + "web_push_p256dh, web_push_auth, updated_at";

    private final ReactiveCql cql;

    public PushTokenStore(ReactiveCql cql) {
        this.cql = cql;
    }

    public Mono<Void> put(DeviceToken registered) {
        PushToken token = registered.token();
        String topic = token instanceof PushToken.Apns apns ? apns.topic() : null;
        Boolean sandbox = token instanceof PushToken.Apns apns ? apns.sandbox() : null;
        String p256dh = token instanceof PushToken.WebPush web ? web.p256dh() : null;
        String auth = token instanceof PushToken.WebPush web ? web.auth() : null;
        return cql.run("INSERT INTO push_tokens (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                registered.userId(), registered.deviceId(), token.platform().code(), token.value(), topic, sandbox,
                p256dh, auth, registered.updatedAt());
    }

    public Mono<DeviceToken> of(UUID userId, UUID deviceId) {
        return cql.one("SELECT " + COLUMNS + " FROM push_tokens WHERE user_id = ? AND device_id = ?", userId, deviceId)
                .map(PushTokenStore::read);
    }

    public Flux<DeviceToken> ofUser(UUID userId) {
        return cql.all("SELECT " + COLUMNS + " FROM push_tokens WHERE user_id = ?", userId).map(PushTokenStore::read);
    }

    /** Removes the device's token, whatever it is (sign-out, revocation, the device's own request). Idempotent. */
    public Mono<Void> remove(UUID userId, UUID deviceId) {
        return cql.run("DELETE FROM push_tokens WHERE user_id = ? AND device_id = ?", userId, deviceId);
    }

    /** Remembers for {@code memory} that the device was signed out, so it cannot register a token again meanwhile. */
    public Mono<Void> markRevoked(UUID userId, UUID deviceId, Duration memory) {
        return cql.run("INSERT INTO revoked_devices (user_id, device_id) VALUES (?, ?) USING TTL ?", userId, deviceId,
                Math.toIntExact(memory.toSeconds()));
    }

    public Mono<Boolean> isRevoked(UUID userId, UUID deviceId) {
        return cql.one("SELECT device_id FROM revoked_devices WHERE user_id = ? AND device_id = ?", userId, deviceId)
                .hasElement();
    }

    /** Removes the device's token only if it is still {@code rejected}; true if it was removed. */
    public Mono<Boolean> removeIfStill(UUID userId, UUID deviceId, PushToken rejected) {
        return cql.applied("DELETE FROM push_tokens WHERE user_id = ? AND device_id = ? IF token_value = ?",
                userId, deviceId, rejected.value());
    }

    private static DeviceToken read(Row row) {
        Platform platform = Platform.ofCode(row.getString("platform"));
        String value = row.getString("token_value");
        PushToken token = switch (platform) {
            case APNS -> new PushToken.Apns(value, row.getString("apns_topic"), row.getBoolean("apns_sandbox"));
            case FCM -> new PushToken.Fcm(value);
            case WEB_PUSH -> new PushToken.WebPush(value, row.getString("web_push_p256dh"), row.getString("web_push_auth"));
        };
        return new DeviceToken(row.getUuid("user_id"), row.getUuid("device_id"), token, row.getInstant("updated_at"));
    }
}
