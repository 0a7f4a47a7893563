package io.parley.chat.sequencing;

/** A counter row: the last sequence number handed out and the item that got it. */
public record SequenceState(long lastSeq, String lastItem) {
}
