package io.parley.user.profile;

import java.util.UUID;

/** What anyone signed in may see of a user. {@code about} and {@code avatarMediaId} may be null. */
public record Profile(UUID userId, String username, String displayName, String about, String avatarMediaId) {
}
