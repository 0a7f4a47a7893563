package io.parley.chat.sequencing;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One item of a key's records in a batch, in record order, with the store's answer on the way.
 *
 * @param item     the item's id (message id, inbox entry key)
 * @param identity what makes two items the same thing (the sender's client_msg_id; the entry key itself)
 * @param stored   what the store holds for the item
 */
public record ItemLookup(String item, String identity, CompletableFuture<Optional<StoredItem>> stored) {
}
