package io.parley.group.groups;

import io.parley.group.members.Role;

/** One entry of "my groups": the group and the caller's role in it. */
public record MyGroup(Group group, Role role) {
}
