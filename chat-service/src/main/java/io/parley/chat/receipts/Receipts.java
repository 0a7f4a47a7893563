package io.parley.chat.receipts;

import io.micrometer.observation.Observation;
import io.parley.proto.chat.v1.AckInboxRequest;
import io.parley.proto.chat.v1.AckInboxResponse;
import io.parley.proto.chat.v1.MarkReadRequest;
import io.parley.proto.chat.v1.MarkReadResponse;
import java.util.concurrent.CompletableFuture;

/** Receipts as facts from devices: delivery acknowledgements and read watermarks. */
public final class Receipts {

    private final AckInboxHandler acks;
    private final MarkReadHandler reads;

    Receipts(AckInboxHandler acks, MarkReadHandler reads) {
        this.acks = acks;
        this.reads = reads;
    }

    public CompletableFuture<AckInboxResponse> ackInbox(AckInboxRequest request, Observation parent) {
        return acks.ack(request, parent);
    }

    public CompletableFuture<MarkReadResponse> markRead(MarkReadRequest request, Observation parent) {
        return reads.markRead(request, parent);
    }
}
