package io.parley.chat.groups;

import io.parley.chat.sequencing.StoredItem;
import java.util.Optional;

/**
 * One record of a group chat's batch, in record order, with what the store held for it: a stored outcome (a
 * command, or a refused message) and, for a message, its message rows (as in 1:1 chats).
 */
public record GroupCandidate(GroupRecord record, Optional<StoredOutcome> outcome, Optional<StoredItem> stored) {
}
