package io.parley.chat.sequencing;

import java.util.Optional;

/**
 * One item of a key's records in a batch, in record order.
 *
 * @param item     the item's id (message id, inbox entry key)
 * @param identity what makes two items the same thing (the sender's client_msg_id; the entry key itself)
 * @param stored   what the store held for the item when the batch started
 */
public record SequenceCandidate(String item, String identity, Optional<StoredItem> stored) {
}
