package io.parley.user.privacy;

import io.parley.cassandra.async.ReactiveCql;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Privacy settings per user; a user who never changed them has the defaults (no row). */
@Service
public class Privacy {

    private final ReactiveCql cql;

    Privacy(ReactiveCql cql) {
        this.cql = cql;
    }

    public Mono<PrivacySettings> get(UUID userId) {
        return cql.one("SELECT last_seen, read_receipts FROM privacy_settings WHERE user_id = ?", userId)
                .map(row -> new PrivacySettings(LastSeenVisibility.valueOf(row.getString("last_seen")), row.getBoolean("read_receipts")))
                .defaultIfEmpty(PrivacySettings.DEFAULTS);
    }

    Mono<PrivacySettings> put(UUID userId, PrivacySettings settings) {
        return cql.run("INSERT INTO privacy_settings (user_id, last_seen, read_receipts) VALUES (?, ?, ?)",
                userId, settings.lastSeen().name(), settings.readReceipts()).thenReturn(settings);
    }
}
