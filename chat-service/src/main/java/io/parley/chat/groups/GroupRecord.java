package io.parley.chat.groups;

import io.parley.proto.chat.v1.MembershipCommand;

/** One record of a group chat's partition, as the decision needs it. */
public sealed interface GroupRecord {

    /** The record's item id: a message's id, a command's id (idempotency keys of the outcome). */
    String itemId();

    /** A member's message; {@code identity} is the sender's client_msg_id identity, as for 1:1 messages. */
    record Message(String itemId, String identity, String senderUserId) implements GroupRecord {
    }

    record Command(String itemId, String actorUserId, MembershipCommand command) implements GroupRecord {
    }
}
