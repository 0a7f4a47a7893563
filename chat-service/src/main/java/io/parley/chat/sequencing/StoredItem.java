package io.parley.chat.sequencing;

/**
 * What the store already holds for an item: its seq, and whether it is stored under this very item id or
 * under another one with the same identity (a send retried with a new message id after Redis lost its
 * dedup key).
 */
public record StoredItem(long seq, boolean sameItem) {
}
