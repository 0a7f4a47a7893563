package io.parley.group.groups;

import io.parley.group.chats.Member;
import java.util.List;

/** A group with its members, as its members see it. */
public record GroupDetails(Group group, List<Member> members) {
}
