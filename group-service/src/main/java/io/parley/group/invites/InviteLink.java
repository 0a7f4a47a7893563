package io.parley.group.invites;

import java.time.Instant;
import java.util.UUID;

/** A group's live invite link: whoever holds {@code token} may join while it is not revoked. */
public record InviteLink(UUID groupId, String token, UUID createdBy, Instant createdAt) {
}
