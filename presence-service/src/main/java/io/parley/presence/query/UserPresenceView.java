package io.parley.presence.query;

/**
 * One user's presence as one viewer may see it. When {@code visible} is false, {@code online} is false and
 * {@code lastSeenEpochMillis} null: nothing about the user is revealed.
 */
public record UserPresenceView(String userId, boolean visible, boolean online, Long lastSeenEpochMillis) {

    static UserPresenceView hidden(String userId) {
        return new UserPresenceView(userId, false, false, null);
    }
}
