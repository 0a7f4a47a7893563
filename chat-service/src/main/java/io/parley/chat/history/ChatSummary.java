package io.parley.chat.history;

import io.parley.chat.chatlist.ChatListEntry;
import io.parley.chat.chatlist.Mute;
import io.parley.chat.chats.GroupChatIds;
import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * A chat in the caller's list: latest message, read watermark, unread count and whether the caller muted it; for a
 * group chat its name and avatar ({@code group}, null for a 1:1 chat; its members are null until chat-service has
 * seen the group's info).
 */
record ChatSummary(String chat, long lastSeq, long readUpToSeq, long unreadCount, long lastActivity,
        LastMessage lastMessage, boolean muted, Long mutedUntil, Group group) {

    record Group(String name, String avatarMediaId) {
    }

    record LastMessage(String messageId, long seq, String from, String contentType, String body, long sentAt) {
    }

    /** {@code muted_until} is null while muted always, and when not muted. */
    static ChatSummary of(ChatListEntry entry, Instant now) {
        boolean muted = entry.mutedUntil() != null && entry.mutedUntil().isAfter(now);
        Long mutedUntil = muted && !Mute.ALWAYS.equals(entry.mutedUntil()) ? entry.mutedUntil().toEpochMilli() : null;
        long activity = entry.lastActivity() == null ? 0 : entry.lastActivity().toEpochMilli();
        LastMessage last = entry.lastSeq() == 0 ? null : new LastMessage(Long.toString(entry.lastMessageId()),
                entry.lastSeq(), entry.lastSenderUserId(), entry.lastContentType(),
                MessageView.body(entry.lastContentType(), bytes(entry.lastBody())), activity);
        return new ChatSummary(entry.chatId(), entry.lastSeq(), Math.min(entry.readSeq(), entry.lastSeq()),
                entry.unreadCount(), activity, last, muted, mutedUntil,
                GroupChatIds.isGroupChat(entry.chatId()) ? new Group(entry.groupName(), entry.groupAvatarMediaId()) : null);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return new byte[0];
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
