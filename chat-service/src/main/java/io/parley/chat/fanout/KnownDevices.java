package io.parley.chat.fanout;

import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The devices a user has, online or not, as far as fan-out can tell cheaply: those that ever acknowledged their inbox.
 * Fan-out asks only when every online device took the entries, to learn whether some other device needs a push.
 */
@FunctionalInterface
interface KnownDevices {
    CompletableFuture<Set<String>> of(String userId);

    /** Devices just seen online; an implementation that remembers devices adds them. */
    default void seen(String userId, Set<String> online) {
    }
}
