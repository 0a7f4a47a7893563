package io.parley.gateway.presence;

import io.parley.gateway.connection.DeviceConnection;
import io.parley.protocol.Protocol;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The users one connection watches ({@code subscribe_presence}): the chats it has open. Capped at
 * {@link Protocol#MAX_PRESENCE_SUBSCRIPTIONS}; emptied when the connection ends.
 */
public final class PresenceSubscriptions {

    private final DeviceConnection connection;
    private final Watchers watchers;
    private final Set<String> watched = ConcurrentHashMap.newKeySet();

    PresenceSubscriptions(DeviceConnection connection, Watchers watchers) {
        this.connection = connection;
        this.watchers = watchers;
    }

    public DeviceConnection connection() {
        return connection;
    }

    /** Whether this connection watches {@code userId} (has the 1:1 chat with them open). */
    public boolean watches(String userId) {
        return watched.contains(userId);
    }

    /**
     * Adds {@code users} (the connection's own user is skipped: watching yourself is pointless); returns the users
     * newly watched, or null, adding none, if they would exceed the cap.
     */
    synchronized List<String> add(List<String> users) {
        List<String> fresh = users.stream().distinct()
                .filter(user -> !watched.contains(user) && !user.equals(connection.identity().userId())).toList();
        if (watched.size() + fresh.size() > Protocol.MAX_PRESENCE_SUBSCRIPTIONS) {
            return null;
        }
        for (String user : fresh) {
            watched.add(user);
            watchers.watch(user, this);
        }
        return fresh;
    }

    synchronized void remove(List<String> users) {
        for (String user : users) {
            if (watched.remove(user)) {
                watchers.unwatch(user, this);
            }
        }
    }

    /** Ends every subscription: the connection is ending. */
    public synchronized void close() {
        remove(List.copyOf(watched));
    }

    int size() {
        return watched.size();
    }
}
