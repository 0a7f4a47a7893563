package io.parley.chat.chatlist;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.parley.cassandra.async.AsyncCql;
import io.parley.proto.chat.v1.ChatMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Each user's chat list ({@code chats_by_user}). The last-message columns are written USING TIMESTAMP
 * {@code seq} and read_seq USING TIMESTAMP {@code read seq}, so the highest seq always wins, whatever the
 * order in which writes arrive or are replayed.
 */
public final class ChatListStore {

    private final AsyncCql cql;
    private final PreparedStatement recordMessage;
    private final PreparedStatement recordOwnMessage;
    private final PreparedStatement recordGroupMessage;
    private final PreparedStatement recordOwnGroupMessage;
    private final PreparedStatement markRead;
    private final PreparedStatement selectAll;
    private final PreparedStatement selectOne;
    private final PreparedStatement mute;
    private final PreparedStatement selectPushState;

    public ChatListStore(AsyncCql cql) {
        this.cql = cql;
        String lastMessage = "last_seq = ?, last_message_id = ?, last_sender_user_id = ?, last_content_type = ?, "
                + "last_body = ?, last_activity = ?";
        this.recordMessage = cql.prepare("UPDATE chats_by_user USING TIMESTAMP ? SET " + lastMessage
                + " WHERE user_id = ? AND chat_id = ?");
        this.recordOwnMessage = cql.prepare("UPDATE chats_by_user USING TIMESTAMP ? SET " + lastMessage
                + ", read_seq = ? WHERE user_id = ? AND chat_id = ?");
        String group = ", group_name = ?, group_avatar_media_id = ?";
        this.recordGroupMessage = cql.prepare("UPDATE chats_by_user USING TIMESTAMP ? SET " + lastMessage + group
                + " WHERE user_id = ? AND chat_id = ?");
        this.recordOwnGroupMessage = cql.prepare("UPDATE chats_by_user USING TIMESTAMP ? SET " + lastMessage + group
                + ", read_seq = ? WHERE user_id = ? AND chat_id = ?");
        this.markRead = cql.prepare("UPDATE chats_by_user USING TIMESTAMP ? SET read_seq = ? WHERE user_id = ? AND chat_id = ?");
        String columns = "chat_id, last_seq, last_message_id, last_sender_user_id, last_content_type, last_body, "
                + "last_activity, read_seq, muted_until, group_name, group_avatar_media_id";
        this.selectAll = cql.prepare("SELECT " + columns + " FROM chats_by_user WHERE user_id = ?");
        this.selectOne = cql.prepare("SELECT " + columns + " FROM chats_by_user WHERE user_id = ? AND chat_id = ?");
        // A setting, not a watermark: the ordinary timestamp, so the member's latest change wins.
        this.mute = cql.prepare("UPDATE chats_by_user SET muted_until = ? WHERE user_id = ? AND chat_id = ?");
        this.selectPushState = cql.prepare("SELECT read_seq, muted_until FROM chats_by_user WHERE user_id = ? AND chat_id = ?");
    }

    /** Mutes the chat for the user until {@code until} ({@link Mute#ALWAYS} for good), or unmutes it ({@code null}). */
    public CompletableFuture<Void> mute(String userId, String chatId, Instant until) {
        return cql.execute(mute.bind(until, userId, chatId));
    }

    /** What a push to the user about the chat depends on: how far they read it and whether they muted it. */
    public CompletableFuture<PushState> pushState(String userId, String chatId) {
        return cql.one(selectPushState.bind(userId, chatId)).thenApply(row -> row
                .map(r -> new PushState(r.getLong("read_seq"), r.getInstant("muted_until")))
                .orElse(new PushState(0, null)));
    }

    /** The message is the chat's latest for {@code userId} if no later one was recorded; a sender has read their own. */
    public CompletableFuture<Void> recordMessage(String userId, ChatMessage message) {
        long seq = message.getSeq();
        Object[] last = {Long.parseLong(message.getMessageId()), message.getSenderUserId(), message.getContentType(),
                message.getBody().asReadOnlyByteBuffer(), Instant.ofEpochMilli(message.getSentAtEpochMillis())};
        if (userId.equals(message.getSenderUserId())) {
            return cql.execute(recordOwnMessage.bind(seq, seq, last[0], last[1], last[2], last[3], last[4], seq, userId,
                    message.getChatId()));
        }
        return cql.execute(recordMessage.bind(seq, seq, last[0], last[1], last[2], last[3], last[4], userId,
                message.getChatId()));
    }

    /**
     * As {@link #recordMessage}, in a group chat with the group's name and avatar at that message (written with the same
     * timestamp, so a later info change wins): what a batch that added members or changed the info writes.
     */
    public CompletableFuture<Void> recordGroupMessage(String userId, ChatMessage message, String groupName,
            String groupAvatarMediaId) {
        long seq = message.getSeq();
        Object[] last = {Long.parseLong(message.getMessageId()), message.getSenderUserId(), message.getContentType(),
                message.getBody().asReadOnlyByteBuffer(), Instant.ofEpochMilli(message.getSentAtEpochMillis())};
        if (userId.equals(message.getSenderUserId())) {
            return cql.execute(recordOwnGroupMessage.bind(seq, seq, last[0], last[1], last[2], last[3], last[4], groupName,
                    groupAvatarMediaId, seq, userId, message.getChatId()));
        }
        return cql.execute(recordGroupMessage.bind(seq, seq, last[0], last[1], last[2], last[3], last[4], groupName,
                groupAvatarMediaId, userId, message.getChatId()));
    }

    /** Moves the user's read watermark of the chat up to {@code readSeq}; never down. */
    public CompletableFuture<Void> markRead(String userId, String chatId, long readSeq) {
        return cql.execute(markRead.bind(readSeq, readSeq, userId, chatId));
    }

    public CompletableFuture<List<ChatListEntry>> list(String userId) {
        return cql.all(selectAll.bind(userId)).thenApply(rows -> rows.stream().map(ChatListStore::toEntry).toList());
    }

    public CompletableFuture<Optional<ChatListEntry>> entry(String userId, String chatId) {
        return cql.one(selectOne.bind(userId, chatId)).thenApply(row -> row.map(ChatListStore::toEntry));
    }

    private static ChatListEntry toEntry(Row row) {
        return new ChatListEntry(row.getString("chat_id"), row.getLong("last_seq"), row.getLong("last_message_id"),
                row.getString("last_sender_user_id"), row.getString("last_content_type"), row.getByteBuffer("last_body"),
                row.getInstant("last_activity"), row.getLong("read_seq"), row.getInstant("muted_until"),
                row.getString("group_name"), row.getString("group_avatar_media_id"));
    }
}
