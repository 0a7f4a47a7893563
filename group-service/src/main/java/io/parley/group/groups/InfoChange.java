package io.parley.group.groups;

/**
 * A change of a group's info: a null field stays as it is, an empty description or avatar clears it. The transport
 * has checked the sizes (docs/groups.md).
 */
public record InfoChange(String name, String description, String avatarMediaId) {
}
