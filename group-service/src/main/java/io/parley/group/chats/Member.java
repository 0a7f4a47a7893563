package io.parley.group.chats;

import java.util.UUID;

/**
 * One member of a group as chat-service holds it. {@code joinedSeq} is the seq of the system message that made them a
 * member: it orders succession (the smallest is the longest-standing member) and starts their history.
 */
public record Member(UUID userId, boolean admin, long joinedSeq) {

    public String role() {
        return admin ? "admin" : "member";
    }
}
