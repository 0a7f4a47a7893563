package io.parley.push.delivery;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Runs the work given for one key one after another, in the order it was subscribed, and work for different keys
 * at the same time: a window's read-then-write by the listener and by its end's timer never interleave. Holds
 * nothing for keys without work in flight.
 */
final class KeyedSequence<K> {

    private final Map<K, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    Mono<Void> run(K key, Supplier<Mono<Void>> work) {
        return Mono.defer(() -> {
            CompletableFuture<Void> done = new CompletableFuture<>();
            CompletableFuture<Void> before = tails.put(key, done);
            Mono<Void> turn = before == null ? Mono.empty() : Mono.fromFuture(before, true);
            return turn.then(Mono.defer(work)).doFinally(signal -> {
                tails.remove(key, done);
                done.complete(null);
            });
        });
    }
}
