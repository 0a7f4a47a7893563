package io.parley.chat.messages;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.google.protobuf.ByteString;
import io.parley.chat.sequencing.StoredItem;
import io.parley.cassandra.async.AsyncCql;
import io.parley.chat.storage.SeqBuckets;
import io.parley.proto.chat.v1.ChatMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Messages in Cassandra: {@code messages_by_chat} (history pages), {@code message_by_client_id} and
 * {@code message_by_id} (how a re-delivered or resent message finds the seq it already has).
 */
public final class MessageStore {

    private static final String COLUMNS = "seq, message_id, sender_user_id, sender_device_id, client_msg_id, "
            + "content_type, body, sent_at";

    private final AsyncCql cql;
    private final PreparedStatement insertByChat;
    private final PreparedStatement insertByClientId;
    private final PreparedStatement insertById;
    private final PreparedStatement selectById;
    private final PreparedStatement selectByClientId;
    private final PreparedStatement pageDescending;
    private final PreparedStatement pageAscending;
    private final PreparedStatement headsAscending;

    public MessageStore(AsyncCql cql) {
        this.cql = cql;
        this.insertByChat = cql.prepare("INSERT INTO messages_by_chat (chat_id, bucket, " + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.insertByClientId = cql.prepare("INSERT INTO message_by_client_id (sender_user_id, client_msg_id, "
                + "message_id, chat_id, seq) VALUES (?, ?, ?, ?, ?)");
        this.insertById = cql.prepare("INSERT INTO message_by_id (message_id, chat_id, seq, sender_user_id) VALUES (?, ?, ?, ?)");
        this.selectById = cql.prepare("SELECT seq FROM message_by_id WHERE message_id = ?");
        this.selectByClientId = cql.prepare("SELECT message_id, seq FROM message_by_client_id "
                + "WHERE sender_user_id = ? AND client_msg_id = ?");
        this.pageDescending = cql.prepare("SELECT " + COLUMNS + " FROM messages_by_chat WHERE chat_id = ? AND bucket = ? "
                + "AND seq > ? AND seq < ? ORDER BY seq DESC LIMIT ?");
        this.pageAscending = cql.prepare("SELECT " + COLUMNS + " FROM messages_by_chat WHERE chat_id = ? AND bucket = ? "
                + "AND seq > ? AND seq < ? ORDER BY seq ASC LIMIT ?");
        this.headsAscending = cql.prepare("SELECT seq, message_id, sender_user_id, content_type FROM messages_by_chat "
                + "WHERE chat_id = ? AND bucket = ? AND seq > ? AND seq <= ? ORDER BY seq ASC");
    }

    /**
     * Whether the message is stored: under its own id, or (Redis lost the dedup key and the retry got a new
     * id) the sender's client_msg_id is stored under another id.
     */
    public CompletableFuture<Optional<StoredItem>> lookup(long messageId, String senderUserId, String clientMsgId) {
        CompletableFuture<Optional<Row>> byId = cql.one(selectById.bind(messageId));
        CompletableFuture<Optional<Row>> byClientId = cql.one(selectByClientId.bind(senderUserId, clientMsgId));
        return byId.thenCombine(byClientId, (own, client) -> {
            if (own.isPresent()) {
                return Optional.of(new StoredItem(own.get().getLong("seq"), true));
            }
            return client.filter(row -> row.getLong("message_id") != messageId)
                    .map(row -> new StoredItem(row.getLong("seq"), false));
        });
    }

    /**
     * Writes the message's rows: its history row, the client-id row and message_by_id. All at once and
     * idempotent: the sequencer never trusts their presence as "complete" (the chat's high-water mark is),
     * so a re-delivered message is simply written again under the seq its lookup found.
     */
    public CompletableFuture<Void> write(ChatMessage message) {
        long messageId = Long.parseLong(message.getMessageId());
        CompletableFuture<Void> byChat = cql.execute(insertByChat.bind(message.getChatId(), SeqBuckets.of(message.getSeq()),
                message.getSeq(), messageId, message.getSenderUserId(), message.getSenderDeviceId(),
                message.getClientMsgId(), message.getContentType(), message.getBody().asReadOnlyByteBuffer(),
                Instant.ofEpochMilli(message.getSentAtEpochMillis())));
        CompletableFuture<Void> byClientId = cql.execute(insertByClientId.bind(message.getSenderUserId(),
                message.getClientMsgId(), messageId, message.getChatId(), message.getSeq()));
        CompletableFuture<Void> byId = cql.execute(insertById.bind(messageId, message.getChatId(), message.getSeq(),
                message.getSenderUserId()));
        return CompletableFuture.allOf(byChat, byClientId, byId);
    }

    /** Up to {@code limit} messages with {@code after < seq < before}, of ONE bucket, newest first. */
    public CompletableFuture<List<ChatMessage>> newestInBucket(String chatId, long bucket, long after, long before, int limit) {
        return page(pageDescending, chatId, bucket, after, before, limit);
    }

    /** Up to {@code limit} messages with {@code after < seq < before}, of ONE bucket, oldest first. */
    public CompletableFuture<List<ChatMessage>> oldestInBucket(String chatId, long bucket, long after, long before, int limit) {
        return page(pageAscending, chatId, bucket, after, before, limit);
    }

    /**
     * Who sent each message with {@code after < seq <= upTo}, oldest first, without the bodies (receipt counts need
     * only this); the range should span few buckets.
     */
    public CompletableFuture<List<MessageHead>> heads(String chatId, long after, long upTo) {
        List<CompletableFuture<List<Row>>> buckets = new ArrayList<>();
        for (long bucket = SeqBuckets.of(after + 1); bucket <= SeqBuckets.of(upTo); bucket++) {
            buckets.add(cql.all(headsAscending.bind(chatId, bucket, after, upTo)));
        }
        return CompletableFuture.allOf(buckets.toArray(CompletableFuture[]::new)).thenApply(read -> {
            List<MessageHead> heads = new ArrayList<>();
            buckets.forEach(rows -> rows.join().forEach(row -> heads.add(new MessageHead(row.getLong(0),
                    Long.toString(row.getLong(1)), row.getString(2), row.getString(3)))));
            return heads;
        });
    }

    /** The message at {@code seq} of the chat, if stored. */
    public CompletableFuture<Optional<ChatMessage>> one(String chatId, long seq) {
        return oldestInBucket(chatId, SeqBuckets.of(seq), seq - 1, seq + 1, 1)
                .thenApply(found -> found.stream().findFirst());
    }

    private CompletableFuture<List<ChatMessage>> page(PreparedStatement query, String chatId, long bucket, long after,
            long before, int limit) {
        return cql.all(query.bind(chatId, bucket, after, before, limit)).thenApply(rows -> {
            List<ChatMessage> messages = new ArrayList<>(rows.size());
            rows.forEach(row -> messages.add(toMessage(chatId, row)));
            return messages;
        });
    }

    private static ChatMessage toMessage(String chatId, Row row) {
        Instant sentAt = row.getInstant("sent_at");
        return ChatMessage.newBuilder()
                .setChatId(chatId)
                .setSeq(row.getLong("seq"))
                .setMessageId(Long.toString(row.getLong("message_id")))
                .setSenderUserId(row.getString("sender_user_id"))
                .setSenderDeviceId(row.getString("sender_device_id"))
                .setClientMsgId(row.getString("client_msg_id"))
                .setContentType(row.getString("content_type"))
                .setBody(ByteString.copyFrom(row.getByteBuffer("body")))
                .setSentAtEpochMillis(sentAt == null ? 0 : sentAt.toEpochMilli())
                .build();
    }
}
