package io.parley.gateway.presence;

import io.parley.gateway.connection.DeviceConnection;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * This gateway's index of watched users: for each, the subscriptions (connections) watching it. A presence change
 * of one user is then one lookup here, however many connections this gateway holds.
 */
@Component
public class Watchers {

    private final Map<String, Set<PresenceSubscriptions>> byWatchedUser = new ConcurrentHashMap<>();

    /** The subscriptions of one connection, to be closed with it. */
    public PresenceSubscriptions newSubscriptions(DeviceConnection connection) {
        return new PresenceSubscriptions(connection, this);
    }

    void watch(String userId, PresenceSubscriptions subscriptions) {
        byWatchedUser.computeIfAbsent(userId, ignored -> ConcurrentHashMap.newKeySet()).add(subscriptions);
    }

    void unwatch(String userId, PresenceSubscriptions subscriptions) {
        byWatchedUser.computeIfPresent(userId, (user, watching) -> {
            watching.remove(subscriptions);
            return watching.isEmpty() ? null : watching;
        });
    }

    /** The subscriptions watching {@code userId} on this gateway. */
    public Collection<PresenceSubscriptions> of(String userId) {
        Set<PresenceSubscriptions> watching = byWatchedUser.get(userId);
        return watching == null ? List.of() : List.copyOf(watching);
    }

    /** How many distinct users this gateway's connections watch. */
    public int watchedUsers() {
        return byWatchedUser.size();
    }
}
