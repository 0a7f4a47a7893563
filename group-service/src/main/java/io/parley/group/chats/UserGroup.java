package io.parley.group.chats;

import java.util.UUID;

/** A group a user is a member of now. */
public record UserGroup(UUID groupId, boolean admin, long joinedSeq) {
}
