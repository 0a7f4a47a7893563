package io.parley.gateway.index;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A gateway-local index from a key (a watched user, an open chat) to the per-connection entries interested in it,
 * so that an event of one key is one lookup however many connections the gateway holds. The first entry of a key
 * and the departure of its last one are reported, for following the key's Redis channel only while it is needed.
 */
public final class LocalIndex<T> {

    private final Map<String, Set<T>> byKey = new ConcurrentHashMap<>();
    private volatile Consumer<String> first = key -> { };
    private volatile Consumer<String> lastGone = key -> { };

    /** Who follows keys on this gateway's behalf; called outside the index's locks. */
    public void onFirstAndLast(Consumer<String> first, Consumer<String> lastGone) {
        this.first = first;
        this.lastGone = lastGone;
    }

    public void add(String key, T entry) {
        boolean[] isFirst = {false};
        byKey.compute(key, (ignored, entries) -> {
            Set<T> set = entries != null ? entries : ConcurrentHashMap.newKeySet();
            isFirst[0] = entries == null;
            set.add(entry);
            return set;
        });
        if (isFirst[0]) {
            first.accept(key);
        }
    }

    public void remove(String key, T entry) {
        boolean[] isLast = {false};
        byKey.computeIfPresent(key, (ignored, entries) -> {
            entries.remove(entry);
            isLast[0] = entries.isEmpty();
            return isLast[0] ? null : entries;
        });
        if (isLast[0]) {
            lastGone.accept(key);
        }
    }

    /** The entries of {@code key}, a snapshot. */
    public Collection<T> of(String key) {
        Set<T> entries = byKey.get(key);
        return entries == null ? List.of() : List.copyOf(entries);
    }

    /** How many distinct keys have entries. */
    public int keys() {
        return byKey.size();
    }
}
