package io.parley.user.account;

import java.util.UUID;

/** Answer to a successful registration. */
record AccountCreated(UUID userId, String username, String displayName) {
}
