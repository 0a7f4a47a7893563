package io.parley.group.groups;

import io.parley.group.members.Member;

/** An open group and the caller's membership of it: what every authorization decision in a group starts from. */
public record GroupAccess(Group group, Member caller) {
}
