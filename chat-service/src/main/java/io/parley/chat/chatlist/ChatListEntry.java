package io.parley.chat.chatlist;

import java.nio.ByteBuffer;
import java.time.Instant;

/** One chat in a user's list: its latest message, how far the user has read, and until when they muted it (or null). */
public record ChatListEntry(String chatId, long lastSeq, long lastMessageId, String lastSenderUserId,
        String lastContentType, ByteBuffer lastBody, Instant lastActivity, long readSeq, Instant mutedUntil) {

    /** Messages after the read watermark; the user's own messages count as read. */
    public long unreadCount() {
        return Math.max(0, lastSeq - readSeq);
    }
}
