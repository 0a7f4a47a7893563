package io.parley.chat.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.parley.chat.kafka.KeyedBatch.Keyed;
import io.parley.chat.kafka.PoisonRecordException;
import io.parley.chat.kafka.RecordPayloads;
import io.parley.chat.sequencing.BatchSequencer;
import io.parley.chat.sequencing.ItemLookup;
import io.parley.chat.sequencing.SequenceDecision;
import io.parley.proto.chat.v1.InboxEntry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Handles one user's records of a batch of topic {@code inbox}: gives each entry the user's next inbox_seq
 * (or the one it already has, if the entry was stored before) and stores it. Three asynchronous waves per
 * user, whatever the number of entries: look the entries up (and read the user's mark unless remembered),
 * write their rows, raise the mark. Yields the entries with their inbox_seq, in order.
 */
final class InboxProcessor {

    private final BatchSequencer inboxSequences;
    private final InboxStore store;
    private final Timer latency;
    private final Clock clock;

    InboxProcessor(BatchSequencer inboxSequences, InboxStore store, MeterRegistry meters, Clock clock) {
        this.inboxSequences = inboxSequences;
        this.store = store;
        this.clock = clock;
        this.latency = Timer.builder("parley.chat.inbox.latency")
                .description("From a message's acceptance by Send to its entry stored in a member's inbox")
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(meters);
    }

    CompletableFuture<List<InboxEntry>> process(String userId, List<Keyed<InboxEntry>> records) {
        List<ItemLookup> lookups = new ArrayList<>(records.size());
        for (Keyed<InboxEntry> record : records) {
            String key = InboxEntryKeys.of(record.payload());
            lookups.add(new ItemLookup(key, key, store.lookup(userId, key)));
        }
        return inboxSequences.assign(userId, lookups).thenCompose(batch -> {
            List<InboxEntry> stored = new ArrayList<>(records.size());
            List<CompletableFuture<Void>> writes = new ArrayList<>(records.size());
            for (int i = 0; i < records.size(); i++) {
                SequenceDecision decision = batch.decision(i);
                if (decision.writes()) {
                    InboxEntry entry = records.get(i).payload().toBuilder().setInboxSeq(decision.seq()).build();
                    writes.add(store.write(entry, lookups.get(i).item()));
                    stored.add(entry);
                }
            }
            return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
                    .thenCompose(written -> inboxSequences.finish(userId, batch))
                    .thenApply(finished -> measured(stored));
        });
    }

    private List<InboxEntry> measured(List<InboxEntry> stored) {
        long now = clock.millis();
        for (InboxEntry entry : stored) {
            if (entry.hasMessage()) {
                latency.record(Math.max(0, now - entry.getMessage().getSentAtEpochMillis()), TimeUnit.MILLISECONDS);
            } else if (entry.hasMessageRef()) {
                latency.record(Math.max(0, now - entry.getMessageRef().getSentAtEpochMillis()), TimeUnit.MILLISECONDS);
            }
        }
        return stored;
    }

    static InboxEntry parse(ConsumerRecord<String, byte[]> record) {
        InboxEntry entry = RecordPayloads.parse(record, InboxEntry.parser(), "InboxEntry");
        if (entry.getUserId().isEmpty() || !entry.getUserId().equals(record.key())
                || entry.getItemCase() == InboxEntry.ItemCase.ITEM_NOT_SET
                || (entry.hasMessage() && entry.getMessage().getMessageId().isEmpty())
                || (entry.hasMessageRef() && (entry.getMessageRef().getMessageId().isEmpty()
                        || entry.getMessageRef().getChatId().isEmpty() || entry.getMessageRef().getSeq() < 1))) {
            throw new PoisonRecordException("incomplete InboxEntry");
        }
        return entry;
    }
}
