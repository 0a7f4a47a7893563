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
    private final PreparedStatement insertMessageEntry;
    private final PreparedStatement insertKey;
    private final PreparedStatement selectKey;
    private final PreparedStatement selectAfter;
    private final PreparedStatement selectCoverage;
    private final PreparedStatement selectOne;

    InboxStore(AsyncCql cql) {
        this.cql = cql;
        this.insertEntry = cql.prepare("INSERT INTO inbox_by_user (user_id, bucket, inbox_seq, entry_key, entry) "
                + "VALUES (?, ?, ?, ?, ?)");
        this.insertMessageEntry = cql.prepare("INSERT INTO inbox_by_user (user_id, bucket, inbox_seq, entry_key, entry, "
                + "message_chat_id, message_sender, message_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        this.insertKey = cql.prepare("INSERT INTO inbox_entry_by_key (user_id, entry_key, inbox_seq) VALUES (?, ?, ?)");
        this.selectKey = cql.prepare("SELECT inbox_seq FROM inbox_entry_by_key WHERE user_id = ? AND entry_key = ?");
        this.selectAfter = cql.prepare("SELECT inbox_seq, entry FROM inbox_by_user WHERE user_id = ? AND bucket = ? "
                + "AND inbox_seq > ? AND inbox_seq <= ? LIMIT ?");
        this.selectCoverage = cql.prepare("SELECT inbox_seq, entry_key, message_chat_id, message_sender, message_seq "
                + "FROM inbox_by_user WHERE user_id = ? AND bucket = ? AND inbox_seq > ? AND inbox_seq <= ? LIMIT ?");
        this.selectOne = cql.prepare("SELECT entry FROM inbox_by_user WHERE user_id = ? AND bucket = ? AND inbox_seq = ?");
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
        ByteBuffer blob = ByteBuffer.wrap(entry.toByteArray());
        long bucket = SeqBuckets.of(seq);
        return CompletableFuture.allOf(
                cql.execute(entry.hasMessage() || entry.hasMessageRef()
                        ? insertMessageEntry.bind(entry.getUserId(), bucket, seq, entryKey, blob,
                                CoveredEntry.chatOf(entry), CoveredEntry.senderOf(entry), CoveredEntry.seqOf(entry))
                        : insertEntry.bind(entry.getUserId(), bucket, seq, entryKey, blob)),
                cql.execute(insertKey.bind(entry.getUserId(), entryKey, seq)));
    }

    /**
     * What an ack covers: the rows with {@code after < inbox_seq <= upTo}, oldest first, at most {@code limit},
     * without their entry blobs. A message row written before its reference columns existed is read in full.
     */
    CompletableFuture<List<CoveredEntry>> coverage(String userId, long after, long upTo, int limit) {
        return cover(userId, after, upTo, limit, new ArrayList<>());
    }

    private CompletableFuture<List<CoveredEntry>> cover(String userId, long after, long upTo, int limit,
            List<CoveredEntry> covered) {
        if (covered.size() >= limit || after >= upTo) {
            return CompletableFuture.completedFuture(covered);
        }
        long bucket = SeqBuckets.of(after + 1);
        long bucketEnd = Math.min(upTo, SeqBuckets.firstSeq(bucket + 1) - 1);
        return cql.all(selectCoverage.bind(userId, bucket, after, bucketEnd, limit - covered.size()))
                .thenCompose(rows -> {
                    List<CompletableFuture<CoveredEntry>> page = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        page.add(covered(userId, bucket, row));
                    }
                    return CompletableFuture.allOf(page.toArray(CompletableFuture[]::new)).thenCompose(done -> {
                        page.forEach(entry -> covered.add(entry.join()));
                        return covered.size() >= limit
                                ? CompletableFuture.completedFuture(covered)
                                : cover(userId, bucketEnd, upTo, limit, covered);
                    });
                });
    }

    private CompletableFuture<CoveredEntry> covered(String userId, long bucket, Row row) {
        long seq = row.getLong(0);
        String chatId = row.getString(2);
        if (chatId != null) {
            return CompletableFuture.completedFuture(new CoveredEntry(seq, chatId, row.getString(3), row.getLong(4)));
        }
        if (!InboxEntryKeys.isMessage(row.getString(1))) {
            return CompletableFuture.completedFuture(CoveredEntry.notAMessage(seq));
        }
        return cql.one(selectOne.bind(userId, bucket, seq)).thenApply(full -> full
                .map(r -> CoveredEntry.of(parse(r.getByteBuffer(0))))
                .orElse(CoveredEntry.notAMessage(seq)));
    }

    /**
     * The entries with {@code after < inbox_seq <= upTo}, oldest first, at most {@code limit} entries and
     * {@code maxBytes} of entries (but always the first one), stopping before the first missing seq: a device's
     * cursor must never jump over an entry that is being written.
     */
    CompletableFuture<List<InboxEntry>> range(String userId, long after, long upTo, int limit, int maxBytes) {
        return collect(userId, after, upTo, limit, new PageBudget(maxBytes), new ArrayList<>());
    }

    private CompletableFuture<List<InboxEntry>> collect(String userId, long after, long upTo, int limit,
            PageBudget budget, List<InboxEntry> entries) {
        if (entries.size() >= limit || after >= upTo || budget.spent()) {
            return CompletableFuture.completedFuture(entries);
        }
        long bucket = SeqBuckets.of(after + 1);
        long bucketEnd = Math.min(upTo, SeqBuckets.firstSeq(bucket + 1) - 1);
        return cql.all(selectAfter.bind(userId, bucket, after, bucketEnd, limit - entries.size())).thenCompose(rows -> {
            long expected = after + 1;
            for (Row row : rows) {
                long seq = row.getLong(0);
                ByteBuffer blob = row.getByteBuffer(1);
                if (seq != expected || !budget.take(blob.remaining(), entries.isEmpty())) {
                    return CompletableFuture.completedFuture(entries);
                }
                entries.add(parse(blob));
                expected = seq + 1;
            }
            boolean missingInBucket = expected <= bucketEnd;
            return entries.size() >= limit || missingInBucket
                    ? CompletableFuture.completedFuture(entries)
                    : collect(userId, bucketEnd, upTo, limit, budget, entries);
        });
    }

    /** The bytes a page may still take; the first entry always fits, so a page is never empty for its size. */
    private static final class PageBudget {

        private long left;

        PageBudget(int maxBytes) {
            this.left = maxBytes;
        }

        boolean take(int bytes, boolean first) {
            if (bytes > left && !first) {
                left = 0;
                return false;
            }
            left -= bytes;
            return true;
        }

        boolean spent() {
            return left <= 0;
        }
    }

    private static InboxEntry parse(ByteBuffer bytes) {
        try {
            return InboxEntry.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("corrupt inbox row", e);
        }
    }
}
