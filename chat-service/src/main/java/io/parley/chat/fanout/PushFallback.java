package io.parley.chat.fanout;

import io.parley.proto.chat.v1.InboxEntry;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** Wakes the devices of a user that did not take their entries live. */
interface PushFallback {

    /** Whether any of the entries deserves a push (a message from someone else). */
    boolean worthPushing(String userId, List<InboxEntry> entries);

    /** Requests a push of the entries worth it to every device of the user except {@code reachedDevices}. */
    CompletableFuture<Void> request(String userId, List<InboxEntry> entries, Set<String> reachedDevices);
}
