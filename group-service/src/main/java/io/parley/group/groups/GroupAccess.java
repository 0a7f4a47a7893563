package io.parley.group.groups;

import io.parley.group.chats.Member;
import java.util.List;

/** An open group, its members as last read, and the caller's membership: where every authorization check starts. */
public record GroupAccess(Group group, Member caller, List<Member> members) {
}
