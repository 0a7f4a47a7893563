package io.parley.group.members;

import java.time.Instant;
import java.util.UUID;

/** One member of a group. {@code joinedAt} orders succession: the longest-standing member is the earliest. */
public record Member(UUID userId, Role role, Instant joinedAt) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
