package io.parley.chat.sequencing;

/**
 * The outcome of sequencing one item.
 *
 * @param seq           the item's seq (for a superseded item: the seq of the item that supersedes it)
 * @param alreadyStored the item's rows exist; only the idempotent steps after storing are left to (re)do
 * @param superseded    a duplicate of another stored item: do nothing with it
 */
public record Sequenced(long seq, boolean alreadyStored, boolean superseded) {
}
