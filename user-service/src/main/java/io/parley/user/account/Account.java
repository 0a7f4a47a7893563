package io.parley.user.account;

import java.time.Instant;
import java.util.UUID;

/** An account as stored; the password hash never leaves user-service. */
public record Account(UUID userId, String username, String passwordHash, String displayName, Instant createdAt) {

    @Override
    public String toString() {
        return "Account[userId=" + userId + ", username=" + username + "]";
    }
}
