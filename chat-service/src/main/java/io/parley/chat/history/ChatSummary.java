package io.parley.chat.history;

import io.parley.chat.chatlist.ChatListEntry;
import io.parley.chat.chats.GroupChatIds;
import java.nio.ByteBuffer;

/**
 * A chat in the caller's list: latest message, read watermark and unread count; for a group chat its name and avatar
 * ({@code group}, null for a 1:1 chat; its members are null until chat-service has seen the group's info).
 */
record ChatSummary(String chat, long lastSeq, long readUpToSeq, long unreadCount, long lastActivity,
        LastMessage lastMessage, Group group) {

    record Group(String name, String avatarMediaId) {
    }

    record LastMessage(String messageId, long seq, String from, String contentType, String body, long sentAt) {
    }

    static ChatSummary of(ChatListEntry entry) {
        long activity = entry.lastActivity() == null ? 0 : entry.lastActivity().toEpochMilli();
        LastMessage last = entry.lastSeq() == 0 ? null : new LastMessage(Long.toString(entry.lastMessageId()),
                entry.lastSeq(), entry.lastSenderUserId(), entry.lastContentType(),
                MessageView.body(entry.lastContentType(), bytes(entry.lastBody())), activity);
        return new ChatSummary(entry.chatId(), entry.lastSeq(), Math.min(entry.readSeq(), entry.lastSeq()),
                entry.unreadCount(), activity, last,
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
