package io.parley.gateway.presence;

import io.parley.gateway.connection.DeviceConnection;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * This gateway's index of watched users: for each, the subscriptions (connections) watching it. A presence change
 * or a typing frame of one user is then one lookup here, however many connections this gateway holds. The first
 * watcher of a user starts this gateway's subscription to the user's changes, the last one ends it.
 */
@Component
public class Watchers {

    private final Map<String, Set<PresenceSubscriptions>> byWatchedUser = new ConcurrentHashMap<>();
    private volatile Consumer<String> firstWatcher = user -> { };
    private volatile Consumer<String> lastWatcherGone = user -> { };

    /** Who follows users' changes on this gateway's behalf (the {@link PresenceFeed}). */
    void onFirstAndLastWatcher(Consumer<String> first, Consumer<String> last) {
        this.firstWatcher = first;
        this.lastWatcherGone = last;
    }

    /** The subscriptions of one connection, to be closed with it. */
    public PresenceSubscriptions newSubscriptions(DeviceConnection connection) {
        return new PresenceSubscriptions(connection, this);
    }

    void watch(String userId, PresenceSubscriptions subscriptions) {
        boolean[] first = {false};
        byWatchedUser.compute(userId, (user, watching) -> {
            Set<PresenceSubscriptions> set = watching != null ? watching : ConcurrentHashMap.newKeySet();
            first[0] = watching == null;
            set.add(subscriptions);
            return set;
        });
        if (first[0]) {
            firstWatcher.accept(userId);
        }
    }

    void unwatch(String userId, PresenceSubscriptions subscriptions) {
        boolean[] last = {false};
        byWatchedUser.computeIfPresent(userId, (user, watching) -> {
            watching.remove(subscriptions);
            last[0] = watching.isEmpty();
            return last[0] ? null : watching;
        });
        if (last[0]) {
            lastWatcherGone.accept(userId);
        }
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
