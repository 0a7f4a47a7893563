package io.parley.chat.fanout;

import io.parley.proto.chat.v1.InboxEntry;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Wakes a user none of whose devices took their entries live. */
interface PushFallback {

    /** Whether any of the entries deserves a push (a message from someone else). */
    boolean worthPushing(String userId, List<InboxEntry> entries);

    CompletableFuture<Void> request(String userId, List<InboxEntry> entries);
}
