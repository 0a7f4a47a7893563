package io.parley.chat.sequencing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Assigns gapless sequence numbers per key (a chat, a user's inbox), correct under crash, restart,
 * rebalance and re-delivery:
 * <ul>
 *   <li>an item already stored keeps its seq ({@link SequenceDecision.AlreadyStored});</li>
 *   <li>an item whose compare-and-set succeeded but whose rows were not written keeps it too
 *       ({@link SequenceDecision.Resume}, found through the counter's {@code last_item});</li>
 *   <li>a new item gets {@code last + 1} only if the counter still says {@code last}: a zombie writer left
 *       over from a rebalance loses the compare-and-set, re-reads and finds the item handled.</li>
 * </ul>
 * The caller must write the item's rows before sequencing the next item of the same key.
 *
 * <p>The writer remembers the counter it last set for each key, so the usual case costs one lightweight
 * transaction and no SERIAL read. A stale memory (another writer moved the counter meanwhile) only costs a
 * failed compare-and-set, after which the counter is read.
 */
public final class GaplessSequencer {

    private static final int MAX_ATTEMPTS = 5;
    private static final long REMEMBERED_KEYS = 100_000;

    private final SequenceTable counters;
    private final Cache<String, SequenceState> lastSet = Caffeine.newBuilder().maximumSize(REMEMBERED_KEYS).build();

    public GaplessSequencer(SequenceTable counters) {
        this.counters = counters;
    }

    /**
     * @param key    the counter (chat id, user id)
     * @param item   the item's id (message id, inbox entry key)
     * @param stored looks the item up in the store; called after the counter was read
     */
    public CompletableFuture<Sequenced> sequence(String key, String item, Supplier<CompletableFuture<Optional<StoredItem>>> stored) {
        return attempt(key, item, stored, 1);
    }

    private CompletableFuture<Sequenced> attempt(String key, String item,
            Supplier<CompletableFuture<Optional<StoredItem>>> stored, int attempt) {
        SequenceState remembered = attempt == 1 ? lastSet.getIfPresent(key) : null;
        CompletableFuture<Optional<SequenceState>> counter = remembered != null
                ? CompletableFuture.completedFuture(Optional.of(remembered))
                : counters.read(key);
        return counter.thenCompose(state -> stored.get().thenCompose(storedItem -> {
            SequenceDecision decision = SequenceDecision.decide(item, state, storedItem);
            if (decision instanceof SequenceDecision.AlreadyStored already) {
                return CompletableFuture.completedFuture(new Sequenced(already.seq(), true, false));
            }
            if (decision instanceof SequenceDecision.Superseded superseded) {
                return CompletableFuture.completedFuture(new Sequenced(superseded.seq(), true, true));
            }
            if (decision instanceof SequenceDecision.Resume resume) {
                lastSet.put(key, new SequenceState(resume.seq(), item));
                return CompletableFuture.completedFuture(new Sequenced(resume.seq(), false, false));
            }
            SequenceDecision.Assign assign = (SequenceDecision.Assign) decision;
            return counters.advance(key, assign.expectedLastSeq(), assign.seq(), item).thenCompose(applied -> {
                if (applied) {
                    lastSet.put(key, new SequenceState(assign.seq(), item));
                    return CompletableFuture.completedFuture(new Sequenced(assign.seq(), false, false));
                }
                lastSet.invalidate(key);
                if (attempt >= MAX_ATTEMPTS) {
                    return CompletableFuture.failedFuture(new SequenceContentionException(
                            "another writer keeps advancing the counter; giving up after " + attempt + " attempts"));
                }
                return attempt(key, item, stored, attempt + 1);
            });
        }));
    }
}
