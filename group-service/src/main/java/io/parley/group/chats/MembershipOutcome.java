package io.parley.group.chats;

import io.parley.proto.error.v1.ErrorReason;
import java.util.List;

/**
 * What the group chat's single writer decided for a command: applied at {@code seq} (its system message), or refused
 * ({@code seq} 0) for {@code refused}; {@code members} as they are after it.
 */
public record MembershipOutcome(long seq, ErrorReason refused, List<Member> members) {

    public boolean applied() {
        return refused == null;
    }
}
