package io.parley.chat.inbox;

import io.parley.proto.chat.v1.InboxEntry;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Turns inbox entries that reference a stored message ({@code message_ref}, group chats) into entries that carry it
 * ({@code message}), so devices see one kind of message entry. Other entries pass unchanged.
 */
public interface MessageResolver {

    /**
     * The entries in the same order, every reference resolved, except from the first reference whose message cannot be
     * read on: the result ends before it (a sync page must not let a cursor pass an entry it did not deliver).
     */
    CompletableFuture<List<InboxEntry>> resolve(List<InboxEntry> entries);
}
