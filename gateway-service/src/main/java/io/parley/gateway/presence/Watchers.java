package io.parley.gateway.presence;

import io.parley.gateway.connection.DeviceConnection;
import io.parley.gateway.index.LocalIndex;
import java.util.Collection;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * This gateway's index of watched users: for each, the subscriptions (connections) watching it. A presence change
 * or a typing frame of one user is then one lookup here, however many connections this gateway holds. The first
 * watcher of a user starts this gateway's subscription to the user's changes, the last one ends it.
 */
@Component
public class Watchers {

    private final LocalIndex<PresenceSubscriptions> byWatchedUser = new LocalIndex<>();

    /** Who follows users' changes on this gateway's behalf (the {@link PresenceFeed}). */
    void onFirstAndLastWatcher(Consumer<String> first, Consumer<String> last) {
        byWatchedUser.onFirstAndLast(first, last);
    }

    /** The subscriptions of one connection, to be closed with it. */
    public PresenceSubscriptions newSubscriptions(DeviceConnection connection) {
        return new PresenceSubscriptions(connection, this);
    }

    void watch(String userId, PresenceSubscriptions subscriptions) {
        byWatchedUser.add(userId, subscriptions);
    }

    void unwatch(String userId, PresenceSubscriptions subscriptions) {
        byWatchedUser.remove(userId, subscriptions);
    }

    /** The subscriptions watching {@code userId} on this gateway. */
    public Collection<PresenceSubscriptions> of(String userId) {
        return byWatchedUser.of(userId);
    }

    /** How many distinct users this gateway's connections watch. */
    public int watchedUsers() {
        return byWatchedUser.keys();
    }
}
