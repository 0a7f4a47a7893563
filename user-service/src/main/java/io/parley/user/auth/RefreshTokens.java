package io.parley.user.auth;

import com.datastax.oss.driver.api.core.cql.Row;
import io.parley.cassandra.async.ReactiveCql;
import io.parley.user.storage.Lwt;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Refresh tokens: issued per session (device login), exchanged exactly once. The exchange is a
 * compare-and-set of {@code rotated_to} from null, so of two concurrent exchanges of one token only one
 * succeeds and the other is recognized as reuse.
 */
@Component
class RefreshTokens {

    private final ReactiveCql cql;
    private final TokenSettings settings;
    private final Clock clock;

    RefreshTokens(ReactiveCql cql, TokenSettings settings, Clock clock) {
        this.cql = cql;
        this.settings = settings;
        this.clock = clock;
    }

    Mono<IssuedRefreshToken> issue(UUID userId, UUID deviceId, UUID sessionId) {
        return issue(RefreshTokenCodec.generate(), userId, deviceId, sessionId);
    }

    /** The stored token the presented string names, if its secret matches and it has not expired. */
    Mono<StoredRefreshToken> find(String presented) {
        return Mono.justOrEmpty(RefreshTokenCodec.decode(presented)).flatMap(parts -> cql.one(
                        "SELECT token_id, user_id, device_id, session_id, secret_hash, expires_at, rotated_to FROM refresh_tokens "
                                + "WHERE token_id = ?", parts.tokenId())
                .filter(row -> MessageDigest.isEqual(bytes(row.getByteBuffer("secret_hash")), RefreshTokenCodec.hash(parts.secret())))
                .map(RefreshTokens::stored)
                .filter(token -> token.expiresAt().isAfter(clock.instant())));
    }

    /**
     * Exchanges {@code token} for a new one in the same session; empty when it had already been exchanged
     * (reuse). An unconfirmed compare-and-set is read back serially to learn whether this exchange won.
     */
    Mono<IssuedRefreshToken> rotate(StoredRefreshToken token) {
        RefreshTokenCodec.Parts next = RefreshTokenCodec.generate();
        int remaining = (int) Math.max(1, Duration.between(clock.instant(), token.expiresAt()).toSeconds());
        return cql.applied("UPDATE refresh_tokens USING TTL ? SET rotated_to = ? WHERE token_id = ? "
                                + "IF rotated_to = null AND session_id = ?", remaining, next.tokenId(), token.tokenId(), token.sessionId())
                .onErrorResume(Lwt::outcomeUnknown, unknown -> cql
                        .oneSerial("SELECT rotated_to FROM refresh_tokens WHERE token_id = ?", token.tokenId())
                        .map(row -> next.tokenId().equals(row.getUuid("rotated_to")))
                        .defaultIfEmpty(false))
                .filter(Boolean::booleanValue)
                .flatMap(won -> issue(next, token.userId(), token.deviceId(), token.sessionId()));
    }

    private Mono<IssuedRefreshToken> issue(RefreshTokenCodec.Parts parts, UUID userId, UUID deviceId, UUID sessionId) {
        Instant expiresAt = clock.instant().plus(settings.refreshTokenLifetime());
        return cql.run("INSERT INTO refresh_tokens (token_id, user_id, device_id, session_id, secret_hash, expires_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?) USING TTL ?", parts.tokenId(), userId, deviceId, sessionId,
                        ByteBuffer.wrap(RefreshTokenCodec.hash(parts.secret())), expiresAt,
                        (int) settings.refreshTokenLifetime().toSeconds())
                .thenReturn(new IssuedRefreshToken(RefreshTokenCodec.encode(parts), expiresAt));
    }

    private static StoredRefreshToken stored(Row row) {
        return new StoredRefreshToken(row.getUuid("token_id"), row.getUuid("user_id"), row.getUuid("device_id"),
                row.getUuid("session_id"), row.getInstant("expires_at"), row.getUuid("rotated_to"));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return new byte[0];
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    record IssuedRefreshToken(String token, Instant expiresAt) {

        @Override
        public String toString() {
            return "IssuedRefreshToken[expiresAt=" + expiresAt + "]";
        }
    }
}
