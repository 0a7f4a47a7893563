package io.parley.chat.history;

import io.parley.chat.messages.MessageStore;
import io.parley.chat.storage.SeqBuckets;
import io.parley.proto.chat.v1.ChatMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reads a range of a chat's messages across seq buckets. Sequences are gapless, so walking from one bucket
 * to the next (down for older, up for newer) finds every message in the range exactly once.
 */
final class HistoryPager {

    private final MessageStore messages;

    HistoryPager(MessageStore messages) {
        this.messages = messages;
    }

    /** Up to {@code limit} messages with {@code after < seq < before} closest to {@code before}, newest first. */
    CompletableFuture<List<ChatMessage>> newest(String chatId, long after, long before, int limit) {
        if (before - after <= 1) {
            return CompletableFuture.completedFuture(List.of());
        }
        return walk(chatId, after, before, limit, SeqBuckets.of(before - 1), -1, SeqBuckets.of(after + 1), new ArrayList<>());
    }

    /** Up to {@code limit} messages with {@code after < seq < before} closest to {@code after}, newest first. */
    CompletableFuture<List<ChatMessage>> oldest(String chatId, long after, long before, int limit) {
        if (before - after <= 1) {
            return CompletableFuture.completedFuture(List.of());
        }
        return walk(chatId, after, before, limit, SeqBuckets.of(after + 1), 1, SeqBuckets.of(before - 1), new ArrayList<>())
                .thenApply(ascending -> {
                    Collections.reverse(ascending);
                    return ascending;
                });
    }

    private CompletableFuture<List<ChatMessage>> walk(String chatId, long after, long before, int limit, long bucket,
            int direction, long lastBucket, List<ChatMessage> found) {
        CompletableFuture<List<ChatMessage>> page = direction < 0
                ? messages.newestInBucket(chatId, bucket, after, before, limit - found.size())
                : messages.oldestInBucket(chatId, bucket, after, before, limit - found.size());
        return page.thenCompose(rows -> {
            found.addAll(rows);
            return found.size() >= limit || bucket == lastBucket
                    ? CompletableFuture.completedFuture(found)
                    : walk(chatId, after, before, limit, bucket + direction, direction, lastBucket, found);
        });
    }
}
