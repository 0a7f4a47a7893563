package io.parley.chat.users;

import io.parley.proto.user.v1.CheckBlockedResponse;

/** Whether one user may message another: user-service's CheckBlocked answer as chat-service acts on it. */
public enum Reach {
    /** The other user exists and neither blocks the other. */
    ALLOWED,
    /** Either user blocks the other. */
    BLOCKED,
    /** The other user has no account: there is no such chat. */
    UNKNOWN_USER;

    static Reach of(CheckBlockedResponse answer) {
        if (answer.getTargetUnknown()) {
            return UNKNOWN_USER;
        }
        return answer.getBlockedByTarget() || answer.getBlocksTarget() ? BLOCKED : ALLOWED;
    }
}
