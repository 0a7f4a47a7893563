package io.parley.chat.groups;

/** From the seq of the change on, {@code userId} has {@code role}. */
public record RoleChange(String userId, GroupRole role) {
}
