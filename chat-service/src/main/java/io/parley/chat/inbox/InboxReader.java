package io.parley.chat.inbox;

import io.parley.chat.error.ChatException;
import io.parley.chat.sequencing.SequenceCounters;
import io.parley.grpc.calls.GrpcMessageLimits;
import io.parley.proto.chat.v1.FetchInboxRequest;
import io.parley.proto.chat.v1.FetchInboxResponse;
import io.parley.proto.chat.v1.InboxEntry;
import io.parley.proto.error.v1.ErrorReason;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Reads users' inboxes: sync pages for FetchInbox, and what acknowledgements cover. */
public final class InboxReader {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

    private final SequenceCounters inboxSequences;
    private final InboxStore store;
    private final MessageResolver resolver;

    InboxReader(SequenceCounters inboxSequences, InboxStore store, MessageResolver resolver) {
        this.inboxSequences = inboxSequences;
        this.store = store;
        this.resolver = resolver;
    }

    public CompletableFuture<Long> latestSeq(String userId) {
        return inboxSequences.lastSeq(userId);
    }

    /**
     * One page after the cursor, oldest first and without holes: it stops before an entry that is still being
     * written, so a device that advances its cursor to the page's end can never skip one. A page holds at most
     * {@code limit} entries and {@link GrpcMessageLimits#MAX_INBOX_PAGE_BYTES} of them, so it always fits the gateway's
     * inbound limit whatever the bodies' sizes.
     */
    public CompletableFuture<FetchInboxResponse> fetch(FetchInboxRequest request) {
        ChatException.require("user_id", request.getUserId());
        if (request.getAfterInboxSeq() < 0 || request.getLimit() < 0 || request.getLimit() > MAX_LIMIT) {
            throw new ChatException(ErrorReason.BAD_CURSOR, "after_inbox_seq must be >= 0 and limit 0.." + MAX_LIMIT);
        }
        int limit = request.getLimit() == 0 ? DEFAULT_LIMIT : request.getLimit();
        String userId = request.getUserId();
        long after = request.getAfterInboxSeq();
        return latestSeq(userId).thenCompose(latest -> store.range(userId, after, latest, limit,
                        GrpcMessageLimits.MAX_INBOX_PAGE_BYTES)
                .thenCompose(resolver::resolve)
                .thenApply(InboxReader::withinPageBytes)
                .thenApply(entries -> {
                    long last = entries.isEmpty() ? after : entries.get(entries.size() - 1).getInboxSeq();
                    return FetchInboxResponse.newBuilder()
                            .addAllEntries(entries)
                            .setHasMore(last < latest)
                            .setLatestInboxSeq(latest)
                            .build();
                }));
    }

    /**
     * A group message is stored as a small reference and resolved to its body here, so the byte budget the store
     * applied is counted again on what is sent: the page ends before the entry that would exceed it (the first
     * always fits). {@code has_more} then tells the device to fetch on from the page's last entry.
     */
    private static List<InboxEntry> withinPageBytes(List<InboxEntry> entries) {
        long bytes = 0;
        for (int i = 0; i < entries.size(); i++) {
            bytes += entries.get(i).getSerializedSize();
            if (bytes > GrpcMessageLimits.MAX_INBOX_PAGE_BYTES && i > 0) {
                return entries.subList(0, i);
            }
        }
        return entries;
    }

    /** What an ack of {@code (after, upTo]} covers: the stored rows in it, at most {@code limit}, without bodies. */
    public CompletableFuture<List<CoveredEntry>> coverage(String userId, long after, long upTo, int limit) {
        return store.coverage(userId, after, upTo, limit);
    }
}
