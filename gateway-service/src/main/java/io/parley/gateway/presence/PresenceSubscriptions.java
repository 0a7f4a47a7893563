package io.parley.gateway.presence;

import io.parley.gateway.connection.DeviceConnection;
import io.parley.protocol.Protocol;
import io.parley.protocol.ServerFrame;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The users one connection watches ({@code subscribe_presence}): the chats it has open. Capped at
 * {@link Protocol#MAX_PRESENCE_SUBSCRIPTIONS}; emptied when the connection ends. For each, whether the connection's
 * user may see their presence, as presence-service answered when the subscription started: until it answered, and
 * when it said no, changes are not passed on.
 */
public final class PresenceSubscriptions {

    private enum Visibility { UNKNOWN, VISIBLE, HIDDEN }

    private final DeviceConnection connection;
    private final Watchers watchers;
    private final Map<String, Visibility> watched = new ConcurrentHashMap<>();
    /** The latest change of each user whose visibility is not known yet; bounded by the cap on watched users. */
    private final Map<String, ServerFrame.Presence> changedMeanwhile = new ConcurrentHashMap<>();

    PresenceSubscriptions(DeviceConnection connection, Watchers watchers) {
        this.connection = connection;
        this.watchers = watchers;
    }

    public DeviceConnection connection() {
        return connection;
    }

    /** Whether this connection watches {@code userId} (has the 1:1 chat with them open). */
    public boolean watches(String userId) {
        return watched.containsKey(userId);
    }

    /**
     * Adds {@code users} (the connection's own user is skipped: watching yourself is pointless); returns the users
     * whose presence must be asked for (the new ones, and those whose answer never came), or null, adding none, if
     * they would exceed the cap.
     */
    synchronized List<String> add(List<String> users) {
        List<String> candidates = users.stream().distinct()
                .filter(user -> !user.equals(connection.identity().userId())).toList();
        long fresh = candidates.stream().filter(user -> !watched.containsKey(user)).count();
        if (watched.size() + fresh > Protocol.MAX_PRESENCE_SUBSCRIPTIONS) {
            return null;
        }
        for (String user : candidates) {
            if (watched.putIfAbsent(user, Visibility.UNKNOWN) == null) {
                watchers.watch(user, this);
            }
        }
        return candidates.stream().filter(user -> watched.get(user) == Visibility.UNKNOWN).toList();
    }

    synchronized void remove(List<String> users) {
        for (String user : users) {
            changedMeanwhile.remove(user);
            if (watched.remove(user) != null) {
                watchers.unwatch(user, this);
            }
        }
    }

    /** Ends every subscription: the connection is ending. */
    public synchronized void close() {
        remove(List.copyOf(watched.keySet()));
    }

    /**
     * presence-service's answer for a watched user: its current state if visible, which is sent at once, followed by
     * the latest change that arrived while the answer was on its way (it may be newer than the answer; if it is
     * older, it repeats the same state).
     */
    synchronized void answered(String userId, boolean visible, boolean online, long lastSeen) {
        ServerFrame.Presence meanwhile = changedMeanwhile.remove(userId);
        if (watched.replace(userId, Visibility.UNKNOWN, visible ? Visibility.VISIBLE : Visibility.HIDDEN) && visible) {
            connection.offer(frame(userId, online, lastSeen));
            if (meanwhile != null) {
                connection.offer(meanwhile);
            }
        }
    }

    /** A change of a watched user's presence, passed on if the user is visible to this connection. */
    synchronized void changed(String userId, boolean online, long lastSeen) {
        Visibility visibility = watched.get(userId);
        if (visibility == Visibility.VISIBLE) {
            connection.offer(frame(userId, online, lastSeen));
        } else if (visibility == Visibility.UNKNOWN) {
            changedMeanwhile.put(userId, frame(userId, online, lastSeen));
        }
    }

    private static ServerFrame.Presence frame(String userId, boolean online, long lastSeen) {
        return new ServerFrame.Presence(userId, online, lastSeen > 0 ? lastSeen : null);
    }

    int size() {
        return watched.size();
    }
}
