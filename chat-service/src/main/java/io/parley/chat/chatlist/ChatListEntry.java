package io.parley.chat.chatlist;

import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * One chat in a user's list: its latest message, how far the user has read, until when they muted it (or null);
 * for a group chat its name and avatar (null for a 1:1 chat, or a group whose info chat-service has not seen).
 */
public record ChatListEntry(String chatId, long lastSeq, long lastMessageId, String lastSenderUserId,
        String lastContentType, ByteBuffer lastBody, Instant lastActivity, long readSeq, Instant mutedUntil,
        String groupName, String groupAvatarMediaId) {

    /** Messages after the read watermark; the user's own messages count as read. */
    public long unreadCount() {
        return Math.max(0, lastSeq - readSeq);
    }
}
