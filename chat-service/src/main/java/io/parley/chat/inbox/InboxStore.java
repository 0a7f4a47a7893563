package io.parley.chat.inbox;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.google.protobuf.InvalidProtocolBufferException;
import io.parley.chat.sequencing.StoredItem;
import io.parley.cassandra.async.AsyncCql;
import io.parley.chat.storage.SeqBuckets;
import io.parley.proto.chat.v1.InboxEntry;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Users' inboxes: {@code inbox_by_user} in inbox_seq order and {@code inbox_entry_by_key}, how a re-delivered
 * entry finds the inbox_seq it already has.
 */
public final class InboxStore {

    private final AsyncCql cql;
    private final PreparedStatement insertEntry;
    private final PreparedStatement insertKey;
    private final PreparedStatement selectKey;
    private final PreparedStatement selectAfter;

    InboxStore(AsyncCql cql) {
        this.cql = cql;
        this.insertEntry = cql.prepare("INSERT INTO inbox_by_user (user_id, bucket, inbox_seq, entry_key, entry) "
                + "VALUES (?, ?, ?, ?, ?)");
        this.insertKey = cql.prepare("INSERT INTO inbox_entry_by_key (user_id, entry_key, inbox_seq) VALUES (?, ?, ?)");
        this.selectKey = cql.prepare("SELECT inbox_seq FROM inbox_entry_by_key WHERE user_id = ? AND entry_key = ?");
        this.selectAfter = cql.prepare("SELECT inbox_seq, entry FROM inbox_by_user WHERE user_id = ? AND bucket = ? "
                + "AND inbox_seq > ? AND inbox_seq <= ? LIMIT ?");
    }

    CompletableFuture<Optional<StoredItem>> lookup(String userId, String entryKey) {
        return cql.one(selectKey.bind(userId, entryKey)).thenApply(row -> row.map(r -> new StoredItem(r.getLong(0), true)));
    }

    /**
     * Stores an entry (its inbox_seq set), both rows at once and idempotently: what says the user's entries
     * are complete up to a seq is the user's high-water mark, raised after the rows.
     */
    CompletableFuture<Void> write(InboxEntry entry, String entryKey) {
        long seq = entry.getInboxSeq();
        return CompletableFuture.allOf(
                cql.execute(insertEntry.bind(entry.getUserId(), SeqBuckets.of(seq), seq, entryKey,
                        ByteBuffer.wrap(entry.toByteArray()))),
                cql.execute(insertKey.bind(entry.getUserId(), entryKey, seq)));
    }

    /**
     * The entries with {@code after < inbox_seq <= upTo}, oldest first, at most {@code limit}, stopping
     * before the first missing seq when {@code contiguous} (a device's cursor must never jump over an entry
     * that is being written).
     */
    CompletableFuture<List<InboxEntry>> range(String userId, long after, long upTo, int limit, boolean contiguous) {
        return collect(userId, after, upTo, limit, contiguous, new ArrayList<>());
    }

    private CompletableFuture<List<InboxEntry>> collect(String userId, long after, long upTo, int limit, boolean contiguous,
            List<InboxEntry> entries) {
        if (entries.size() >= limit || after >= upTo) {
            return CompletableFuture.completedFuture(entries);
        }
        long bucket = SeqBuckets.of(after + 1);
        long bucketEnd = Math.min(upTo, SeqBuckets.firstSeq(bucket + 1) - 1);
        return cql.all(selectAfter.bind(userId, bucket, after, bucketEnd, limit - entries.size())).thenCompose(rows -> {
            long expected = after + 1;
            for (Row row : rows) {
                long seq = row.getLong(0);
                if (contiguous && seq != expected) {
                    return CompletableFuture.completedFuture(entries);
                }
                entries.add(parse(row.getByteBuffer(1)));
                expected = seq + 1;
            }
            boolean missingInBucket = contiguous && expected <= bucketEnd;
            return entries.size() >= limit || missingInBucket
                    ? CompletableFuture.completedFuture(entries)
                    : collect(userId, bucketEnd, upTo, limit, contiguous, entries);
        });
    }

    private static InboxEntry parse(ByteBuffer bytes) {
        try {
            return InboxEntry.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("corrupt inbox row", e);
        }
    }
}
