package io.parley.presence.privacy;

import io.parley.proto.user.v1.LastSeenVisibility;

/** Who may see a user's online state and last seen: user-service's {@code lastSeen} privacy setting. */
public enum LastSeenRule {
    EVERYONE,
    CONTACTS,
    NOBODY;

    /** An unset value reads as user-service's default, contacts. */
    static LastSeenRule of(LastSeenVisibility visibility) {
        return switch (visibility) {
            case LAST_SEEN_VISIBILITY_EVERYONE -> EVERYONE;
            case LAST_SEEN_VISIBILITY_NOBODY -> NOBODY;
            case LAST_SEEN_VISIBILITY_CONTACTS, LAST_SEEN_VISIBILITY_UNSPECIFIED, UNRECOGNIZED -> CONTACTS;
        };
    }
}
