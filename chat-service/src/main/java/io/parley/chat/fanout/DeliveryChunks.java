package io.parley.chat.fanout;

import io.parley.proto.chat.v1.InboxEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * A user's entries of one batch cut into Deliver calls of at most {@code maxBytes} each, in inbox_seq order (a
 * consumer batch can hold hundreds of entries of up to 64 KiB: one call for all of them would exceed any sane
 * message limit). An entry larger than the limit travels alone.
 */
final class DeliveryChunks {

    private DeliveryChunks() {
    }

    static List<List<InboxEntry>> of(List<InboxEntry> entries, int maxBytes) {
        List<List<InboxEntry>> chunks = new ArrayList<>(1);
        List<InboxEntry> chunk = new ArrayList<>();
        long bytes = 0;
        for (InboxEntry entry : entries) {
            int size = entry.getSerializedSize();
            if (!chunk.isEmpty() && bytes + size > maxBytes) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
                bytes = 0;
            }
            chunk.add(entry);
            bytes += size;
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }
}
