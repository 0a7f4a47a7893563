package io.parley.chat.groups;

import io.parley.proto.error.v1.ErrorReason;
import java.util.List;

/** What the single writer of a group chat does with one record of a batch. */
public sealed interface GroupDecision {

    /**
     * The record holds {@code seq}: a message, or a command whose system message it is, with the membership
     * {@code changes} and settings change (null: none) it makes. {@code fresh}: decided now, not found stored.
     */
    record Applied(long seq, List<RoleChange> changes, Boolean sendAdminsOnly, boolean fresh) implements GroupDecision {
    }

    /** The record gets no seq and changes nothing; {@code fresh}: decided now, its outcome is to be stored. */
    record Refused(ErrorReason reason, boolean fresh) implements GroupDecision {
    }

    /** A resend of a message stored under another id (as in 1:1 chats): nothing is written. */
    record Superseded(long seq) implements GroupDecision {
    }
}
