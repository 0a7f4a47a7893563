package io.parley.chat.storage;

/**
 * Partition buckets of tables clustered by a sequence number: bucket = seq / {@value #SIZE}. The bucket of
 * any seq is computed, never looked up, so a page can cross from one bucket to the next deterministically,
 * and no partition grows beyond {@value #SIZE} rows. Changing SIZE would orphan stored rows: it is fixed.
 */
public final class SeqBuckets {

    public static final long SIZE = 1000;

    private SeqBuckets() {
    }

    public static long of(long seq) {
        if (seq < 0) {
            throw new IllegalArgumentException("seq must not be negative");
        }
        return seq / SIZE;
    }

    /** The first seq of {@code bucket}. */
    public static long firstSeq(long bucket) {
        return bucket * SIZE;
    }
}
