package io.parley.chat.fanout;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Runs each user's fan-out jobs one after the other, in submission order, so a device never receives a
 * later batch of inbox entries before an earlier one; different users run concurrently.
 */
final class UserQueues {

    private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    /** Completes when {@code job} has run (successfully or not). */
    CompletableFuture<Void> submit(String userId, Supplier<CompletableFuture<Void>> job) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture<Void> previous = tails.put(userId, done);
        CompletableFuture<Void> start = previous == null ? CompletableFuture.completedFuture(null) : previous;
        start.whenComplete((ignored, alsoIgnored) -> run(job).whenComplete((result, failure) -> {
            tails.remove(userId, done);
            done.complete(null);
        }));
        return done;
    }

    int pendingUsers() {
        return tails.size();
    }

    private static CompletableFuture<Void> run(Supplier<CompletableFuture<Void>> job) {
        try {
            return job.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
