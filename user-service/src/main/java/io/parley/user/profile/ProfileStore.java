package io.parley.user.profile;

import com.datastax.oss.driver.api.core.cql.Row;
import io.parley.cassandra.async.ReactiveCql;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The profile columns of {@code users}; the account feature creates the row. */
@Repository
class ProfileStore {

    private final ReactiveCql cql;

    ProfileStore(ReactiveCql cql) {
        this.cql = cql;
    }

    Mono<Profile> find(UUID userId) {
        return cql.one("SELECT user_id, username, display_name, about, avatar_media_id FROM users WHERE user_id = ?", userId)
                .filter(row -> row.getString("username") != null)
                .map(ProfileStore::profile);
    }

    /** Writes only the fields present; empty strings clear (Cassandra stores them as null). */
    Mono<Void> update(UUID userId, ProfileUpdate update) {
        List<String> assignments = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (update.displayName() != null) {
            assignments.add("display_name = ?");
            values.add(update.displayName().strip());
        }
        if (update.about() != null) {
            assignments.add("about = ?");
            values.add(update.about().isEmpty() ? null : update.about());
        }
        if (update.avatarMediaId() != null) {
            assignments.add("avatar_media_id = ?");
            values.add(update.avatarMediaId().isEmpty() ? null : update.avatarMediaId());
        }
        if (assignments.isEmpty()) {
            return Mono.empty();
        }
        values.add(userId);
        return cql.run("UPDATE users SET " + String.join(", ", assignments) + " WHERE user_id = ?", values.toArray());
    }

    private static Profile profile(Row row) {
        return new Profile(row.getUuid("user_id"), row.getString("username"), row.getString("display_name"),
                row.getString("about"), row.getString("avatar_media_id"));
    }
}
