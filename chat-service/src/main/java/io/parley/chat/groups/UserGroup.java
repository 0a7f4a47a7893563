package io.parley.chat.groups;

/** A group chat a user is a member of now. */
public record UserGroup(String chatId, boolean admin, long joinedSeq) {
}
