package io.parley.chat.groups;

/** A user's membership of a group chat as readers see it: from {@code joinedSeq}, until {@code leftSeq} if set. */
public record MemberSpan(GroupRole role, long joinedSeq, Long leftSeq) {

    public boolean current() {
        return role != GroupRole.NONE;
    }
}
