package io.parley.chat.sequencing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The single writer's view of its keys' high-water marks: remembered between batches so the usual batch
 * costs no read, read from {@link SequenceCounters} when not remembered. What is remembered is only valid
 * while this writer keeps processing the key's partition in order: it is forgotten when partitions are
 * assigned or revoked, and for a key whose batch failed.
 */
public final class BatchSequencer {

    private static final long REMEMBERED_KEYS = 100_000;

    private final SequenceCounters counters;
    private final Cache<String, Long> remembered = Caffeine.newBuilder().maximumSize(REMEMBERED_KEYS).build();

    public BatchSequencer(SequenceCounters counters) {
        this.counters = counters;
    }

    /**
     * Gives the key's records of a batch their seqs once the mark (remembered, or read meanwhile) and every
     * lookup are known. The caller then writes the items' rows and calls {@link #finish}.
     */
    public CompletableFuture<SequencedBatch> assign(String key, List<ItemLookup> items) {
        CompletableFuture<Long> start = mark(key);
        List<CompletableFuture<?>> reads = new ArrayList<>(items.size() + 1);
        items.forEach(item -> reads.add(item.stored()));
        reads.add(start);
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(read -> {
            List<SequenceCandidate> candidates = new ArrayList<>(items.size());
            items.forEach(item -> candidates.add(new SequenceCandidate(item.item(), item.identity(), item.stored().join())));
            long startSeq = start.join();
            return new SequencedBatch(startSeq, SequenceAssignment.assign(startSeq, candidates));
        });
    }

    /** The key's mark: remembered, or read. For a caller that decides its items itself (group chats). */
    public CompletableFuture<Long> mark(String key) {
        Long known = remembered.getIfPresent(key);
        return known != null ? CompletableFuture.completedFuture(known) : counters.lastSeq(key);
    }

    /** After every row of the batch's items is written: stores (if it moved) and remembers the key's new mark. */
    public CompletableFuture<Void> finish(String key, SequencedBatch batch) {
        return finish(key, batch.startSeq(), batch.assignment().lastSeq());
    }

    /** {@link #finish(String, SequencedBatch)} for a batch that started at {@code startSeq} and ended at {@code last}. */
    public CompletableFuture<Void> finish(String key, long startSeq, long last) {
        CompletableFuture<Void> stored = last > startSeq
                ? counters.advance(key, last)
                : CompletableFuture.completedFuture(null);
        return stored.thenRun(() -> remembered.put(key, last));
    }

    public void forget(String key) {
        remembered.invalidate(key);
    }

    public void forgetAll() {
        remembered.invalidateAll();
    }
}
