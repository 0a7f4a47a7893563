package io.parley.chat.inbox;

import io.micrometer.observation.Observation;
import io.parley.chat.kafka.PoisonRecordException;
import io.parley.chat.kafka.RecordPayloads;
import io.parley.chat.sequencing.GaplessSequencer;
import io.parley.proto.chat.v1.InboxEntry;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Handles one record of topic {@code inbox}: gives the entry the user's next inbox_seq (or the one it already
 * has, if the record or the entry was delivered before) and stores it. Yields the entry with its inbox_seq.
 */
final class InboxProcessor {

    private final GaplessSequencer inboxSequences;
    private final InboxStore store;

    InboxProcessor(GaplessSequencer inboxSequences, InboxStore store) {
        this.inboxSequences = inboxSequences;
        this.store = store;
    }

    CompletableFuture<InboxEntry> process(ConsumerRecord<String, byte[]> record, Observation observation) {
        InboxEntry entry = parse(record);
        String key = InboxEntryKeys.of(entry);
        return inboxSequences.sequence(entry.getUserId(), key, () -> store.lookup(entry.getUserId(), key))
                .thenCompose(sequenced -> {
                    InboxEntry stored = entry.toBuilder().setInboxSeq(sequenced.seq()).build();
                    return sequenced.alreadyStored()
                            ? CompletableFuture.completedFuture(stored)
                            : store.write(stored, key).thenApply(written -> stored);
                });
    }

    static InboxEntry parse(ConsumerRecord<String, byte[]> record) {
        InboxEntry entry = RecordPayloads.parse(record, InboxEntry.parser(), "InboxEntry");
        if (entry.getUserId().isEmpty() || !entry.getUserId().equals(record.key())
                || entry.getItemCase() == InboxEntry.ItemCase.ITEM_NOT_SET
                || (entry.hasMessage() && entry.getMessage().getMessageId().isEmpty())) {
            throw new PoisonRecordException("incomplete InboxEntry");
        }
        return entry;
    }
}
