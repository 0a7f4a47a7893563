package io.parley.chat.sequencing;

/** What the single writer of a key does with one item of a batch. */
public sealed interface SequenceDecision {

    long seq();

    /** A new item: it gets the key's next seq; write everything derived from it. */
    record New(long seq) implements SequenceDecision {
    }

    /**
     * The item was given {@code seq} before (a re-delivered record, a resend of the same id, or a crash after
     * some of its rows were written): keep the seq and write its rows again, which is idempotent.
     */
    record AlreadyStored(long seq) implements SequenceDecision {
    }

    /** Another item with the same identity holds {@code seq}: this one is a duplicate; write nothing. */
    record Superseded(long seq) implements SequenceDecision {
    }

    default boolean writes() {
        return !(this instanceof Superseded);
    }
}
