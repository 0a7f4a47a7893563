package io.parley.chat.fanout;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.parley.cassandra.async.AsyncCql;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * A user's devices from {@code device_cursors} (one row per device that ever acknowledged its inbox, in the user's
 * partition), remembered for {@code ttl}: a user's devices change rarely, and fan-out would otherwise read them for
 * every batch of a user who is online. A device seen online by this instance is added to the remembered set, so a
 * device that connected after the read counts at once; one that signed in, acked and went offline without this
 * instance seeing it online is missed for at most {@code ttl}. Revoked devices keep their row: the user then gets push
 * requests that push-service answers with a token lookup only.
 */
final class AckedDevices implements KnownDevices {

    private final AsyncCql cql;
    private final PreparedStatement select;
    private final AsyncCache<String, Set<String>> remembered;

    AckedDevices(AsyncCql cql, Duration ttl, long maxUsers) {
        this.cql = cql;
        this.select = cql.prepare("SELECT device_id FROM device_cursors WHERE user_id = ?");
        this.remembered = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxUsers).buildAsync();
    }

    @Override
    public CompletableFuture<Set<String>> of(String userId) {
        return remembered.get(userId, (user, executor) -> cql.all(select.bind(user))
                .thenApply(rows -> rows.stream().map(row -> row.getString(0)).collect(Collectors.toUnmodifiableSet())));
    }

    /** Devices seen online join the user's remembered set (if one is remembered). */
    @Override
    public void seen(String userId, Set<String> online) {
        remembered.synchronous().asMap().computeIfPresent(userId, (user, known) -> {
            if (known.containsAll(online)) {
                return known;
            }
            Set<String> more = new HashSet<>(known);
            more.addAll(online);
            return Set.copyOf(more);
        });
    }
}
